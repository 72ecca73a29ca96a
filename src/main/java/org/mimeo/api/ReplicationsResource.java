package org.mimeo.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.SerialIncrementalConfig;
import org.mimeo.config.TimeIncrementalConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.Settings;
import org.mimeo.internal.TestHooks;
import org.mimeo.job.FaultInjection;
import org.mimeo.job.JobLauncher;
import org.mimeo.replication.Transactions;
import org.mimeo.error.Failure;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.RefreshRequest;
import org.mimeo.replication.Replications;
import org.mimeo.sql.QualifiedName;

/** Makers (POST), destroyers (DELETE), configuration (GET, PATCH) and refreshes of replications. */
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Path("replications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReplicationsResource {

    static final Set<String> MAKER_FIELDS = Set.of("type", "sourceTable", "sourceId", "destTable", "controlField", "boundary", "index",
            "filter", "condition", "pullData", "pkName", "pkType", "sequences", "truncateCascade", "period", "batchLimit", "insertOnFetch");
    private static final Set<String> PATCH_FIELDS = Set.of("period", "batchLimit", "condition", "filter", "boundary", "lastValue",
            "postScript", "truncateCascade", "sequences", "dstActive", "dstStart", "dstEnd", "checkStats");
    private static final Set<String> REFRESH_FIELDS = Set.of("limit", "repull", "repullStart", "repullEnd", "index", "checkStats",
            "truncateCascade", "lockWait", "debug");
    /** Refresh fields that exist only for tests: unknown fields unless the server runs with the test switch. */
    private static final Set<String> TEST_HOOK_FIELDS = Set.of("faultAfterBlocks", "faultKind", "blockRows", "clock");
    /** Maker fields that exist only for tests: halt the server after a maker's step ({@code faultKind} must be halt). */
    private static final Set<String> MAKER_TEST_HOOK_FIELDS = Set.of("faultAfter", "faultKind");

    @Inject
    Replications replications;

    @Inject
    ConfigRepository config;

    @Inject
    Validation validation;

    @Inject
    ExecutionViews executions;

    @Inject
    JobLauncher jobs;

    @Inject
    Transactions tx;

    @RolesAllowed(Roles.ADMIN)
    @POST
    public Response make(String body, @QueryParam("wait") @DefaultValue("true") boolean wait) {
        JsonBody json = JsonBody.parse(body, TestHooks.enabled() ? union(MAKER_FIELDS, MAKER_TEST_HOOK_FIELDS) : MAKER_FIELDS);
        String type = json.requiredString("type");
        String faultAfter = json.string("faultAfter");
        if (faultAfter != null && (!FaultInjection.MAKER_SOURCE_OBJECTS.equals(faultAfter) || !"halt".equals(json.string("faultKind"))
                || !List.of("dml", "logdel").contains(type))) {
            throw MimeoException.invalid("Field 'faultAfter' takes only '" + FaultInjection.MAKER_SOURCE_OBJECTS + "', with faultKind 'halt', for dml and logdel");
        }
        replications.mode(type);
        boolean incremental = type.equals("inserter") || type.equals("updater");
        for (String field : List.of("controlField", "boundary")) {
            if (json.has(field) && !incremental) {
                throw MimeoException.invalid("Field '" + field + "' does not apply to " + type + " replication");
            }
        }
        if ((json.has("pkName") || json.has("pkType")) && !List.of("updater", "dml", "logdel").contains(type)) {
            throw MimeoException.invalid("Fields 'pkName' and 'pkType' apply only to updater, dml and logdel replication");
        }
        if (json.has("insertOnFetch") && !List.of("dml", "logdel").contains(type)) {
            throw MimeoException.invalid("Field 'insertOnFetch' applies only to dml and logdel replication");
        }
        if (!type.equals(RefreshConfigTable.TYPE) && (json.has("sequences") || json.has("truncateCascade"))) {
            throw MimeoException.invalid("Fields 'sequences' and 'truncateCascade' apply only to table replication");
        }
        Long sourceId = json.integer("sourceId");
        if (sourceId == null) {
            throw MimeoException.invalid("Field 'sourceId' is required");
        }
        QualifiedName source = QualifiedName.parse(json.requiredString("sourceTable"));
        QualifiedName dest = json.has("destTable") ? QualifiedName.parse(json.string("destTable")) : source;
        List<String> filter = json.strings("filter");
        if (filter != null && filter.isEmpty()) {
            throw MimeoException.invalid("Field 'filter' must name at least one column, or be left out");
        }
        String period = validation.interval("period", json.string("period"));
        Integer batchLimit = validation.positive("batchLimit", json.int32("batchLimit"));
        String boundary = json.scalarText("boundary");
        MakeRequest request = new MakeRequest(type, Math.toIntExact(sourceId), source.text(), dest.text(), json.bool("index", true), filter,
                blankToNull(json.string("condition")), json.bool("pullData", true), period, batchLimit, json.strings("sequences"),
                json.bool("truncateCascade", false), json.string("controlField"), boundary, json.strings("pkName"), json.strings("pkType"),
                json.bool("insertOnFetch", true), faultAfter);
        Replications.Made made = replications.make(request, wait);
        Map<String, Object> view = view(made.config());
        if (made.executionId() != null) {
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("executionId", made.executionId());
            load.put("status", made.loadStatus().name());
            view.put("initialLoad", load);
        }
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    public List<Map<String, Object>> list(@QueryParam("type") String type) {
        if (type != null && !type.isBlank()) {
            replications.mode(type);
        }
        return config.replications(type == null || type.isBlank() ? null : type).stream().map(ReplicationsResource::view).toList();
    }

    @GET
    @Path("{destTable}")
    public Map<String, Object> get(@PathParam("destTable") String destTable) {
        return view(config.replication(normalize(destTable)));
    }

    /**
     * A refresh moves lastValue in its chunk transactions, so lastValue changes only while no refresh holds
     * the table's lock (409 already_running otherwise), and commits before the lock is released. Other
     * fields may change during a refresh: only changed columns are written (@DynamicUpdate), never last_value.
     */
    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("{destTable}")
    public Map<String, Object> patch(@PathParam("destTable") String destTable, String body) {
        String dest = config.replication(normalize(destTable)).getDestTable();
        JsonBody json = JsonBody.parse(body, PATCH_FIELDS);
        if (!json.present("lastValue")) {
            return tx.inNew(() -> apply(dest, json));
        }
        AtomicReference<Map<String, Object>> patched = new AtomicReference<>();
        AtomicBoolean locked = new AtomicBoolean();
        try {
            jobs.whileLocked(dest, () -> {
                locked.set(true);
                patched.set(tx.inNew(() -> apply(dest, json)));
            });
        } catch (MimeoException e) {
            if (!locked.get() && e.failure() == Failure.ALREADY_RUNNING) {
                throw new MimeoException(Failure.ALREADY_RUNNING, "A refresh of " + dest + " is running and moves lastValue itself; change"
                        + " lastValue when it has ended (the other fields may change now)");
            }
            throw e;
        }
        return patched.get();
    }

    private Map<String, Object> apply(String destTable, JsonBody json) {
        RefreshConfig c = config.replication(destTable);
        if (c instanceof IncrementalConfig incremental) {
            validation.patchIncremental(incremental, json);
        } else {
            for (String field : List.of("boundary", "lastValue", "dstActive", "dstStart", "dstEnd")) {
                if (json.present(field)) {
                    throw MimeoException.invalid("Field '" + field + "' does not apply to " + c.getType() + " replication");
                }
            }
        }
        if (json.present("period")) {
            c.setPeriod(validation.interval("period", json.string("period")));
        }
        if (json.present("batchLimit")) {
            c.setBatchLimit(validation.positive("batchLimit", json.int32("batchLimit")));
        }
        if (json.present("condition")) {
            c.setCondition(validation.condition(c, blankToNull(json.string("condition"))));
        }
        if (json.present("filter")) {
            List<String> filter = json.strings("filter");
            c.setFilter(filter == null || filter.isEmpty() ? null : validation.filter(c, filter).toArray(String[]::new));
        }
        if (!(c instanceof RefreshConfigTable) && (json.present("truncateCascade") || json.present("sequences"))) {
            throw MimeoException.invalid("Fields 'truncateCascade' and 'sequences' apply only to table replication");
        }
        if (!(c instanceof RefreshConfigSnap) && (json.present("postScript") || json.present("checkStats"))) {
            throw MimeoException.invalid("Fields 'postScript' and 'checkStats' apply only to snap replication");
        }
        if (c instanceof RefreshConfigSnap snap) {
            if (json.present("truncateCascade") || json.present("sequences")) {
                throw MimeoException.invalid("Fields 'truncateCascade' and 'sequences' apply only to table replication");
            }
            if (json.present("postScript")) {
                List<String> script = Validation.postScript(json.strings("postScript"));
                snap.setPostScript(script == null || script.isEmpty() ? null : script.toArray(String[]::new));
            }
            if (json.present("checkStats")) {
                snap.setCheckStats(json.bool("checkStats", true));
            }
        } else if (c instanceof RefreshConfigTable table) {
            if (json.present("postScript") || json.present("checkStats")) {
                throw MimeoException.invalid("Fields 'postScript' and 'checkStats' apply only to snap replication");
            }
            if (json.present("truncateCascade")) {
                table.setTruncateCascade(json.bool("truncateCascade", false));
            }
            if (json.present("sequences")) {
                List<String> sequences = validation.sequences(json.strings("sequences"));
                table.setSequences(sequences == null || sequences.isEmpty() ? null : sequences.toArray(String[]::new));
            }
        }
        return view(c);
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{destTable}")
    public Response destroy(@PathParam("destTable") String destTable, @QueryParam("archive") @DefaultValue("false") boolean archive) {
        replications.destroy(normalize(destTable), archive);
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @POST
    @Path("{destTable}/refresh")
    public Response refresh(@PathParam("destTable") String destTable, @QueryParam("wait") @DefaultValue("true") boolean wait, String body) {
        String dest = normalize(destTable);
        RefreshConfig c = config.replication(dest);
        JsonBody json = JsonBody.parse(body, TestHooks.enabled() ? union(REFRESH_FIELDS, TEST_HOOK_FIELDS) : REFRESH_FIELDS);
        boolean incremental = c instanceof IncrementalConfig || c instanceof QueueConfig;
        if ((json.has("repullStart") || json.has("repullEnd")) && c instanceof QueueConfig) {
            throw MimeoException.invalid("repullStart and repullEnd apply only to inserter and updater replication; a " + c.getType() + " repull reloads everything");
        }
        if (!incremental && (json.has("limit") || json.bool("repull", false) || json.has("repullStart") || json.has("repullEnd"))) {
            throw MimeoException.invalid("limit and repull do not apply to " + c.getType() + " replication: every refresh copies the whole source");
        }
        if ((json.has("repullStart") || json.has("repullEnd")) && !json.bool("repull", false)) {
            throw MimeoException.invalid("repullStart and repullEnd need \"repull\": true");
        }
        if (json.has("checkStats") && !(c instanceof RefreshConfigSnap)) {
            throw MimeoException.invalid("checkStats applies only to snap replication");
        }
        if (json.has("truncateCascade") && !(c instanceof RefreshConfigTable)) {
            throw MimeoException.invalid("truncateCascade applies only to table replication");
        }
        String faultKind = json.string("faultKind");
        if (faultKind != null && !faultKind.equals("fail") && !faultKind.equals("halt")) {
            throw MimeoException.invalid("faultKind must be 'fail' or 'halt'");
        }
        String clock = json.string("clock");
        if (clock != null) {
            try {
                if (clock.endsWith("Z")) {
                    java.time.Instant.parse(clock);
                } else {
                    java.time.ZonedDateTime.parse(clock);
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw MimeoException.invalid("clock must be an ISO-8601 instant (2026-03-08T06:15:00Z) or zoned time (2026-03-08T01:15:00-05:00[America/New_York])");
            }
        }
        String repullStart = json.scalarText("repullStart");
        String repullEnd = json.scalarText("repullEnd");
        if (c instanceof IncrementalConfig inc) {
            validation.repullBound("repullStart", repullStart, inc);
            validation.repullBound("repullEnd", repullEnd, inc);
        }
        RefreshRequest request = new RefreshRequest(json.bool("index"), json.bool("checkStats"), json.bool("truncateCascade"),
                json.bool("debug", false), json.int32("faultAfterBlocks"), faultKind, validation.positiveLong("blockRows", json.integer("blockRows")),
                validation.positive("limit", json.int32("limit")), json.bool("repull", false), repullStart, repullEnd, clock);
        long executionId = replications.refresh(dest, request, lockWait(json.int32("lockWait")));
        if (!wait) {
            return Response.accepted(Map.of("executionId", executionId)).build();
        }
        JobExecution execution = replications.await(executionId);
        Response.Status status = execution.getBatchStatus() == BatchStatus.STARTED ? Response.Status.ACCEPTED : Response.Status.OK;
        return Response.status(status).entity(executions.view(executionId)).build();
    }

    /** {@code lockWait} seconds: 0 (the default) does not wait; at most {@link Settings#maxWait()}. */
    private static Integer lockWait(Integer seconds) {
        long max = Settings.maxWait().toSeconds();
        if (seconds != null && (seconds < 0 || seconds > max)) {
            throw MimeoException.invalid("Field 'lockWait' is seconds to wait for a running refresh of the table, from 0 to " + max
                    + " (the server's mimeo.api.maxWaitSeconds)");
        }
        return seconds == null || seconds == 0 ? null : seconds;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    static String normalize(String destTable) {
        return QualifiedName.parse(destTable).text();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Map<String, Object> view(RefreshConfig c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("destTable", c.getDestTable());
        v.put("type", c instanceof IncrementalConfig i ? i.kind() : c.getType());
        v.put("sourceTable", c.getSourceTable());
        v.put("sourceId", c.getSourceId());
        v.put("filter", c.getFilter() == null ? null : List.of(c.getFilter()));
        v.put("condition", c.getCondition());
        v.put("period", c.getPeriod());
        v.put("batchLimit", c.getBatchLimit());
        v.put("lastRun", c.getLastRun());
        if (c instanceof RefreshConfigSnap snap) {
            v.put("checkStats", snap.isCheckStats());
            v.put("postScript", snap.getPostScript() == null ? null : List.of(snap.getPostScript()));
        }
        if (c instanceof IncrementalConfig i) {
            v.put("controlField", i.getControl());
            v.put("controlType", i.isTimeBased() ? "time" : "serial");
            v.put("boundary", i.boundaryText());
            if (i instanceof TimeIncrementalConfig t) {
                v.put("lastValue", t.getLastValue());
                v.put("dstActive", t.isDstActive());
                v.put("dstStart", t.getDstStart());
                v.put("dstEnd", t.getDstEnd());
            } else {
                v.put("lastValue", ((SerialIncrementalConfig) i).getLastValue());
            }
            if (i.getPkName() != null) {
                v.put("pkName", List.of(i.getPkName()));
                v.put("pkType", List.of(i.getPkType()));
            }
        }
        if (c instanceof QueueConfig q) {
            v.put("pkName", List.of(q.getPkName()));
            v.put("pkType", List.of(q.getPkType()));
            v.put("insertOnFetch", q.isInsertOnFetch());
            v.put("queueTable", q.getControl());
            v.put("queuePosition", q.getLastQueuePosition()[0] + "/" + q.getLastQueuePosition()[1]);
        }
        if (c instanceof RefreshConfigTable table) {
            v.put("truncateCascade", table.isTruncateCascade());
            v.put("adopted", table.isAdopted());
            v.put("sequences", table.getSequences() == null ? null : List.of(table.getSequences()));
        }
        return v;
    }
}
