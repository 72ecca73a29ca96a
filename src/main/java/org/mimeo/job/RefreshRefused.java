package org.mimeo.job;

/** Fired when a refresh of {@code destTable} did not start because another one holds the table's lock (409 already_running). */
public record RefreshRefused(String destTable) {
}
