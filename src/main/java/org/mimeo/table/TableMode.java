package org.mimeo.table;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.job.RefreshParameters;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSteps;
import org.mimeo.replication.RefreshRequest;
import org.mimeo.replication.ReplicationMode;

/**
 * Plain table replication (table_maker, refresh_table, table_destroyer): truncate and reload; needs
 * no key, no control column and no write access on the source. As in the original, an existing
 * destination table is adopted as it is and not loaded by the maker; unlike the original, the
 * replication remembers that ({@code adopted}) and its destroyer leaves an adopted table in place.
 */
@ApplicationScoped
public class TableMode implements ReplicationMode {

    @Override
    public String type() {
        return RefreshConfigTable.TYPE;
    }

    @Override
    public String jobName() {
        return "table";
    }

    @Override
    public MakerSteps maker(MakeRequest request) {
        return new TableMaker(request);
    }

    /** The original loads a table it created, never one it adopted. */
    @Override
    public boolean loadsInitially(RefreshConfig made, MakeRequest request) {
        return request.pullData() && !((RefreshConfigTable) made).isAdopted();
    }

    @Override
    public RefreshParameters initialLoadParameters(MakeRequest request) {
        return RefreshParameters.NONE;
    }

    @Override
    public RefreshParameters refreshParameters(RefreshConfig c, RefreshRequest request) {
        return RefreshParameters.table(request.truncateCascade());
    }

    /** An adopted table stays: the destroyer removes only what Mimeo created. */
    @Override
    public Optional<String> keeps(RefreshConfig c, boolean archive) {
        return !archive && ((RefreshConfigTable) c).isAdopted() ? Optional.of("adopted table") : ReplicationMode.super.keeps(c, archive);
    }
}
