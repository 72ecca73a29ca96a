package org.mimeo.job;

import java.time.Duration;

/** Fired when a refresh execution ends, however it ends: {@code outcome} is its BatchStatus name (COMPLETED, FAILED, STOPPED). */
public record RefreshEnded(String destTable, String jobName, String outcome, Duration duration) {

    public boolean failed() {
        return "FAILED".equals(outcome);
    }
}
