package org.mimeo.api.request;

import jakarta.validation.constraints.Positive;

/** The body of POST /refresh-due, all optional: only one type, and at most {@code batchLimit} tables. */
public record RefreshDueBody(String type, @Positive(message = "must be a positive integer (how many tables to start)") Integer batchLimit) {

    public static final RefreshDueBody NONE = new RefreshDueBody(null, null);
}
