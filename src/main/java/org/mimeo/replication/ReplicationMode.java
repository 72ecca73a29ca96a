package org.mimeo.replication;

import org.mimeo.config.RefreshConfig;
import org.mimeo.job.RefreshParameters;

/** One replication type: how it is made, refreshed (which job, with which parameters) and destroyed. */
public interface ReplicationMode {

    String type();

    /** Whether this mode manages configurations of the stored type (mimeo's refresh_config.type). */
    default boolean handles(String configType) {
        return type().equals(configType);
    }

    /** The job XML (in META-INF/batch-jobs) that refreshes this type. */
    String jobName();

    /**
     * Validates everything, then creates the configuration row and the destination objects in the
     * caller's transaction. Throws before creating anything when the request or the source is wrong.
     */
    RefreshConfig make(MakeRequest request);

    /** Job parameters for the load a maker runs when {@code pullData} is true. */
    RefreshParameters initialLoadParameters(MakeRequest request);

    /** Job parameters of a refresh: this mode's part of the request (the run options are added by the caller). */
    RefreshParameters refreshParameters(RefreshConfig config, RefreshRequest request);

    /** Removes the destination objects (or keeps the data when {@code archive}) and the configuration row. */
    void destroy(RefreshConfig config, boolean archive);
}
