package org.mimeo.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.mimeo.api.request.Kind;
import org.mimeo.api.request.PatchBody;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.config.SerialIncrementalConfig;
import org.mimeo.config.TimeIncrementalConfig;
import org.mimeo.sql.SqlFragment;

/**
 * PATCH /replications/{dest}: the replication's settings as a document, the request applied to it as a
 * JSON Merge Patch (RFC 7386), the result bound and validated as a {@link PatchBody}; then each field the
 * patch names is checked where it needs a database and written (null: back to its default).
 */
@ApplicationScoped
public class SettingsEditor {

    @Inject
    ConfigRepository config;

    @Inject
    RequestValidator requests;

    @Inject
    DatabaseChecks checks;

    /** Runs in the caller's transaction. */
    RefreshConfig patch(String destTable, JsonObject patch) {
        RefreshConfig c = config.replication(destTable);
        PatchBody s = PatchBody.merged(c, patch);
        requests.validProperties(s, patch.keySet(), Kind.of(c));
        if (c instanceof IncrementalConfig incremental) {
            incremental(incremental, s, patch);
        }
        if (patch.containsKey("period")) {
            c.setPeriod(checks.interval("period", s.period(), false));
        }
        if (patch.containsKey("batchLimit")) {
            c.setBatchLimit(s.batchLimit());
        }
        if (patch.containsKey("condition")) {
            String condition = s.condition() == null || s.condition().isBlank() ? null : s.condition();
            checks.readsOnSource(c, c.getFilter(), condition);
            c.setCondition(condition);
        }
        if (patch.containsKey("filter")) {
            String[] filter = array(s.filter());
            if (filter != null) {
                checks.readsOnSource(c, filter, null);
            }
            c.setFilter(filter);
        }
        if (c instanceof RefreshConfigSnap snap) {
            snap(snap, s, patch);
        } else if (c instanceof RefreshConfigTable table) {
            table(table, s, patch);
        }
        return c;
    }

    private void incremental(IncrementalConfig c, PatchBody s, JsonObject patch) {
        if (c instanceof TimeIncrementalConfig t) {
            if (patch.containsKey("boundary")) {
                t.setBoundary(s.boundary() == null ? "00:10:00" : checks.interval("boundary", s.boundary(), true));
            }
            if (patch.containsKey("lastValue")) {
                t.setLastValue(s.lastValue() == null ? null : checks.timestamp(s.lastValue()));
            }
            if (patch.containsKey("dstActive")) {
                t.setDstActive(s.dstActive() == null || s.dstActive());
            }
            if (patch.containsKey("dstStart")) {
                t.setDstStart(s.dstStart() == null ? 30 : s.dstStart());
            }
            if (patch.containsKey("dstEnd")) {
                t.setDstEnd(s.dstEnd() == null ? 230 : s.dstEnd());
            }
        } else {
            SerialIncrementalConfig serial = (SerialIncrementalConfig) c;
            if (patch.containsKey("boundary")) {
                serial.setBoundary(s.boundary() == null ? 10 : Long.parseLong(s.boundary().strip()));
            }
            if (patch.containsKey("lastValue")) {
                serial.setLastValue(s.lastValue() == null ? null : Long.valueOf(s.lastValue().strip()));
            }
        }
    }

    private static void snap(RefreshConfigSnap snap, PatchBody s, JsonObject patch) {
        if (patch.containsKey("postScript")) {
            String[] script = array(s.postScript());
            snap.setPostScript(script == null ? null : Arrays.stream(script).map(e -> SqlFragment.singleStatement(e).strip()).toArray(String[]::new));
        }
        if (patch.containsKey("checkStats")) {
            snap.setCheckStats(s.checkStats() == null || s.checkStats());
        }
    }

    private void table(RefreshConfigTable table, PatchBody s, JsonObject patch) {
        if (patch.containsKey("truncateCascade")) {
            table.setTruncateCascade(Boolean.TRUE.equals(s.truncateCascade()));
        }
        if (patch.containsKey("sequences")) {
            String[] sequences = array(s.sequences());
            if (sequences != null) {
                checks.sequencesExist(List.of(sequences));
            }
            table.setSequences(sequences);
        }
    }

    private static String[] array(List<String> values) {
        return values == null || values.isEmpty() ? null : values.toArray(String[]::new);
    }
}
