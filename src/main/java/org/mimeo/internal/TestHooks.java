package org.mimeo.internal;

/**
 * The start-up switch {@link Settings#TEST_HOOKS} ({@code -Dmimeo.testHooks=true} or the environment variable
 * {@code MIMEO_TESTHOOKS=true}). Only with it do refresh requests accept the fields that exist for tests (fault
 * injection, a fake clock, block sizes), and only with it does an injected fault halt or fail a job. Off unless
 * set; the start-up log warns when it is on.
 */
public final class TestHooks {

    private TestHooks() {
    }

    public static boolean enabled() {
        return Settings.testHooks();
    }
}
