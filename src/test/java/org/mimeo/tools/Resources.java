package org.mimeo.tools;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a launcher started (PostgreSQL servers, WildFly), stopped in reverse order exactly once:
 * when the launcher ends normally, or from a JVM shutdown hook when it is interrupted (Ctrl-C sends
 * SIGINT to the whole foreground process group, Maven's JVM included, which then runs this hook).
 * A resource registered after the stop began is stopped at once, so nothing started late survives.
 */
public final class Resources implements AutoCloseable {

    private final Deque<Named> stack = new ArrayDeque<>();
    private final Thread hook = new Thread(this::close, "mimeo-tools-shutdown");
    private boolean closing;

    private record Named(String name, AutoCloseable resource) {
    }

    public Resources() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers a resource, to be stopped before everything registered earlier. */
    public <T extends AutoCloseable> T add(String name, T resource) {
        synchronized (this) {
            if (!closing) {
                stack.push(new Named(name, resource));
                return resource;
            }
        }
        stop(new Named(name, resource));
        throw new IllegalStateException("stopping: " + name + " was stopped right after it started");
    }

    public synchronized boolean closing() {
        return closing;
    }

    /** True while the JVM runs its shutdown hooks (Ctrl-C): adding a hook then fails. */
    public static boolean jvmShuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /**
     * Called by a launcher's main thread when what it waits for went away: during a Ctrl-C it blocks
     * (the JVM halts once the shutdown hook has stopped everything) instead of reporting a failure.
     */
    public static void blockIfShuttingDown() throws InterruptedException {
        Thread.sleep(1000);
        if (jvmShuttingDown()) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Override
    public synchronized void close() {
        if (closing && stack.isEmpty()) {
            return;
        }
        closing = true;
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook runs (or ran) anyway and finds the stack empty
            }
        }
        while (!stack.isEmpty()) {
            stop(stack.pop());
        }
    }

    private static void stop(Named n) {
        Console.info("stopping " + n.name());
        long t0 = System.nanoTime();
        try {
            n.resource().close();
            Console.info(String.format("stopped %s (%.1f s)", n.name(), (System.nanoTime() - t0) / 1e9));
        } catch (Exception e) {
            Console.info("could not stop " + n.name() + ": " + e);
        }
    }
}
