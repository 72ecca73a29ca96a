package org.mimeo.job;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Properties;

/**
 * The job parameters of one refresh, typed. A replication mode builds them from a refresh request (its own
 * part through the factories below, the run options through {@link #withRunOptions}); this record alone turns
 * them into JBeret's job {@link Properties} and back, each parameter named like its component. The job XMLs
 * hand each one to the batch artifacts as a typed {@code @BatchProperty}. Null (or a false flag) means "not
 * given": the parameter is left out and the artifact takes its default.
 */
public record RefreshParameters(Boolean index, Boolean checkStats, Boolean truncateCascade, Integer limit, boolean repull,
                                String repullStart, String repullEnd, String clock, Long blockRows, boolean debug,
                                Integer faultAfterBlocks, String faultKind) {

    /** The table a job refreshes; set by {@link JobLauncher}, read by every step. */
    public static final String DEST_TABLE = "destTable";
    /** Identifies the job a table's advisory lock was taken for, so only that job releases it. */
    public static final String LOCK_TOKEN = "lockToken";

    /** No parameter: every artifact takes its default (table and incremental initial loads). */
    public static final RefreshParameters NONE = new RefreshParameters(null, null, null, null, false, null, null, null, null, false, null, null);

    public static RefreshParameters snap(boolean index, Boolean checkStats) {
        return new RefreshParameters(index, checkStats, null, null, false, null, null, null, null, false, null, null);
    }

    public static RefreshParameters table(Boolean truncateCascade) {
        return new RefreshParameters(null, null, truncateCascade, null, false, null, null, null, null, false, null, null);
    }

    /** {@code repullStart}/{@code repullEnd} bound a repull ({@code repull} true); {@code clock} is the DST test hook. */
    public static RefreshParameters incremental(Integer limit, boolean repull, String repullStart, String repullEnd, String clock) {
        return new RefreshParameters(null, null, null, limit, repull, repull ? repullStart : null, repull ? repullEnd : null, clock, null,
                false, null, null);
    }

    public static RefreshParameters queue(Integer limit, boolean repull) {
        return new RefreshParameters(null, null, null, limit, repull, null, null, null, null, false, null, null);
    }

    /** The options every refresh takes: block size, debug log, and the fault-injection test hook (kind "fail" unless given). */
    public RefreshParameters withRunOptions(Long blockRows, boolean debug, Integer faultAfterBlocks, String faultKind) {
        return new RefreshParameters(index, checkStats, truncateCascade, limit, repull, repullStart, repullEnd, clock, blockRows, debug,
                faultAfterBlocks, faultAfterBlocks == null ? null : faultKind == null ? "fail" : faultKind);
    }

    /** The job's parameters: every given component, plus the table and the lock token the launcher adds. */
    Properties toProperties(String destTable, String lockToken) {
        Properties p = new Properties();
        for (RecordComponent component : RefreshParameters.class.getRecordComponents()) {
            Object value = valueOf(component);
            boolean flagOff = component.getType() == boolean.class && !(Boolean) value;
            if (value != null && !flagOff) {
                p.setProperty(component.getName(), value.toString());
            }
        }
        p.setProperty(DEST_TABLE, destTable);
        p.setProperty(LOCK_TOKEN, lockToken);
        return p;
    }

    /** What a restart changes: a new lock token, and no injected fault, so the restart runs clean. */
    static Properties restartOverrides(String lockToken) {
        Properties p = new Properties();
        p.setProperty(LOCK_TOKEN, lockToken);
        // JBeret keeps the original parameters on restart; an empty value is injected as null
        p.setProperty("faultAfterBlocks", "");
        p.setProperty("faultKind", "");
        return p;
    }

    /** The typed parameters of a job, as {@link #toProperties} wrote them (an empty or missing entry is null or false). */
    public static RefreshParameters of(Properties p) {
        RecordComponent[] components = RefreshParameters.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String text = p.getProperty(components[i].getName());
            values[i] = convert(text == null || text.isBlank() ? null : text.strip(), types[i]);
        }
        try {
            return RefreshParameters.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the job parameters " + p, e);
        }
    }

    private static Object convert(String text, Class<?> type) {
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (text == null || type == String.class) {
            return text;
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        return Long.valueOf(text);
    }

    private Object valueOf(RecordComponent component) {
        try {
            return component.getAccessor().invoke(this);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
