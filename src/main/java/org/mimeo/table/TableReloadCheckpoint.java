package org.mimeo.table;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractCheckpointAlgorithm;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Checkpoint algorithm of the table refresh's copy step: never ready before the reader runs out of
 * blocks, so the whole reload is one chunk and one transaction. Its timeout (JBeret applies it to the
 * chunk's transaction) is {@code transactionTimeout} seconds, by default a day: the default of 180 s
 * would cut off large tables.
 */
@Dependent
@Named("tableReloadCheckpoint")
public class TableReloadCheckpoint extends AbstractCheckpointAlgorithm {

    static final int DEFAULT_TIMEOUT_SECONDS = 86_400;

    /** Seconds; JBeret injects the field's own value when the job XML does not set the property. */
    @Inject
    @BatchProperty
    int transactionTimeout = DEFAULT_TIMEOUT_SECONDS;

    @Override
    public int checkpointTimeout() {
        return transactionTimeout;
    }

    @Override
    public boolean isReadyToCheckpoint() {
        return false;
    }
}
