package org.mimeo.job;

/**
 * Fired inside a copy chunk's transaction with the rows its blocks wrote. Observers that count copied
 * rows listen {@code during = TransactionPhase.AFTER_SUCCESS}: a chunk that rolls back (and is copied
 * again by the restart) is never counted, a committed one exactly once.
 */
public record RowsCommitted(String destTable, long rows) {
}
