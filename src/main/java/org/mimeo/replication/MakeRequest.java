package org.mimeo.replication;

import java.util.List;

/**
 * What a maker is asked to set up (the REST body of POST /replications, validated and defaulted).
 * {@code faultAfter} is a test hook (null unless the server runs with the test switch).
 */
public record MakeRequest(String type, int sourceId, String sourceTable, String destTable, boolean index, List<String> filter,
                          String condition, boolean pullData, String period, Integer batchLimit, List<String> sequences,
                          boolean truncateCascade, String controlField, String boundary, List<String> pkName, List<String> pkType,
                          boolean insertOnFetch, String faultAfter) {

    public String[] filterArray() {
        return filter == null || filter.isEmpty() ? null : filter.toArray(String[]::new);
    }
}
