package org.mimeo.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.inject.Inject;

/** A step of a refresh job that is one call: it knows its destination table and writes to the execution's log. */
public abstract class RefreshBatchlet extends AbstractBatchlet {

    @Inject
    protected JobLog log;

    @Inject
    @BatchProperty
    protected String destTable;
}
