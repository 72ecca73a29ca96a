package org.mimeo.sql;

/**
 * A replication's {@code condition} as it goes into generated SQL, right after {@code FROM source}:
 * verbatim (it is a documented raw SQL option), but only when {@link SqlFragment} finds that it cannot
 * end or escape the query, and followed by a newline so that a trailing {@code --} comment in it ends there.
 */
public final class ConditionText {

    private ConditionText() {
    }

    /** {@code " condition\n"}, or the empty string without a condition. */
    public static String sql(String condition) {
        if (condition == null || condition.isBlank()) {
            return "";
        }
        SqlFragment.conditionProblem(condition).ifPresent(problem -> {
            throw new IllegalArgumentException("The condition cannot be used: " + problem);
        });
        return " " + condition + "\n";
    }
}
