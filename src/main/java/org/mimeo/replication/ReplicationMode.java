package org.mimeo.replication;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.mimeo.config.RefreshConfig;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.job.RefreshParameters;

/**
 * One replication type: what its maker does beyond the steps every maker takes ({@link Maker}), which job
 * refreshes it with which parameters, and what its destroyer ({@link Destroyer}) removes or keeps.
 */
public interface ReplicationMode {

    String type();

    /** Whether this mode manages configurations of the stored type (mimeo's refresh_config.type). */
    default boolean handles(String configType) {
        return type().equals(configType);
    }

    /** The job XML (in META-INF/batch-jobs) that refreshes this type. */
    String jobName();

    /** This type's steps for one maker request; the {@link Maker} runs them in order, every check before anything is created. */
    MakerSteps maker(MakeRequest request);

    /** Whether the maker loads the data once it has made {@code made}: by default when the request asks it to ({@code pullData}). */
    default boolean loadsInitially(RefreshConfig made, MakeRequest request) {
        return request.pullData();
    }

    /** Job parameters for the load a maker runs when {@code pullData} is true. */
    RefreshParameters initialLoadParameters(MakeRequest request);

    /** Job parameters of a refresh: this mode's part of the request (the run options are added by the caller). */
    RefreshParameters refreshParameters(RefreshConfig config, RefreshRequest request);

    /** Why the destroyer keeps the destination's data ("archive", ...); empty when it drops the destination. */
    default Optional<String> keeps(RefreshConfig config, boolean archive) {
        return archive ? Optional.of("archive") : Optional.empty();
    }

    /** The destroyer's first step: what the type created outside the destination database (none by default). */
    default void dropSourceObjects(RefreshConfig config) {
    }

    /** Drops the destination objects on {@code d}, or leaves the data in place under the destination's name when {@code keep}. */
    default void dropDestination(Connection d, RefreshConfig config, boolean keep) throws SQLException {
        if (!keep) {
            DestinationDdl.dropTableIfExists(d, config.destination());
        }
    }
}
