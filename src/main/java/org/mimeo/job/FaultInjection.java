package org.mimeo.job;

import org.mimeo.internal.TestHooks;

/**
 * Test hook: the job parameters {@code faultAfterBlocks=N} and {@code faultKind=fail|halt} make a copy
 * step fail (or the whole server halt, like {@code kill -9}) after the N-th block of an execution was
 * written but before its chunk commits. Restarts clear the parameters, so the restart runs clean.
 * Inert unless the server was started with the test switch ({@link TestHooks}), whoever set the parameters.
 */
public final class FaultInjection {

    private FaultInjection() {
    }

    public static void afterBlock(int blocksWrittenThisExecution, Integer faultAfterBlocks, String faultKind) {
        if (faultAfterBlocks == null || !TestHooks.enabled()) {
            return;
        }
        if (faultAfterBlocks <= 0 || blocksWrittenThisExecution < faultAfterBlocks) {
            return;
        }
        if ("halt".equals(faultKind)) {
            Runtime.getRuntime().halt(137);
        }
        throw new IllegalStateException("Injected failure after block " + blocksWrittenThisExecution + " (job parameter faultAfterBlocks)");
    }

    /** A maker's step after which the maker field {@code faultAfter} halts the server (the only kind a maker takes). */
    public static final String MAKER_SOURCE_OBJECTS = "sourceObjects";

    /** Halts the server, like {@code kill -9}, when a maker reached the step {@code faultAfter} names (test switch only). */
    public static void afterMakerStep(String step, String faultAfter) {
        if (step.equals(faultAfter) && TestHooks.enabled()) {
            Runtime.getRuntime().halt(137);
        }
    }
}
