package org.mimeo.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    private static Settings read(Map<String, String> set) {
        return new Settings(name -> Optional.ofNullable(set.get(name)));
    }

    private static Map<String, String> logged(Settings settings) {
        Map<String, String> shown = new HashMap<>();
        settings.values().forEach(v -> shown.put(v.name(), v.shown() + " (" + v.origin() + ")"));
        return shown;
    }

    @Test
    void everySettingHasADefaultAndIsLoggedOnce() {
        Settings settings = read(Map.of());
        Map<String, String> shown = logged(settings);
        assertEquals(settings.values().size(), shown.size(), "each setting is read once");
        assertEquals("300 (default)", shown.get("mimeo.api.maxWaitSeconds"));
        assertEquals("10 (default)", shown.get("mimeo.batch.threads"));
        assertEquals("40 (default)", shown.get("mimeo.db.pool.max"));
        assertEquals("25 (default)", shown.get("mimeo.source.pool.max"), "two connections per batch thread and five more");
        assertEquals("600 (default)", shown.get("mimeo.timeout.sourceSocket"));
        assertEquals("false (default)", shown.get("mimeo.testHooks"));
        assertEquals("mimeo (default)", shown.get("jboss.node.name"));
        assertEquals(Path.of(".", "mimeo-secrets.cs") + " (default)", shown.get("mimeo.secretKeyStore"));
        for (String name : List.of("mimeo.source.pool.acquireSeconds", "mimeo.source.pool.leakSeconds", "mimeo.source.pool.idleSeconds",
                "mimeo.timeout.sourceConnect", "mimeo.timeout.sourceLogin", "mimeo.timeout.ddlLock", "mimeo.timeout.ddlStatement",
                "mimeo.conditionCheckTimeoutSeconds", "mimeo.scheduler.intervalSeconds", "mimeo.scheduler.jobs", "mimeo.retention.days",
                "jboss.server.config.dir")) {
            assertTrue(shown.containsKey(name), name);
        }
    }

    @Test
    void valuesSetWinAndTheSourcePoolFollowsTheBatchThreads() {
        Settings settings = read(Map.of("mimeo.batch.threads", " 4 ", "mimeo.timeout.ddlLock", "0", "mimeo.testHooks", "TRUE",
                "jboss.server.config.dir", "/srv/wildfly/configuration", "mimeo.source.pool.acquireSeconds", "7"));
        Map<String, String> shown = logged(settings);
        assertEquals("4 (set)", shown.get("mimeo.batch.threads"));
        assertEquals("13 (default)", shown.get("mimeo.source.pool.max"));
        assertEquals("0 (set)", shown.get("mimeo.timeout.ddlLock"), "0 turns a timeout off");
        assertEquals("true (set)", shown.get("mimeo.testHooks"));
        assertEquals(Path.of("/srv/wildfly/configuration", "mimeo-secrets.cs") + " (default)", shown.get("mimeo.secretKeyStore"));
        assertEquals("7 (set)", shown.get("mimeo.source.pool.acquireSeconds"));
    }

    @ParameterizedTest
    @CsvSource({
        "mimeo.batch.threads, 0, a whole number of at least 1",
        "mimeo.api.maxWaitSeconds, ten, a whole number of at least 1",
        "mimeo.source.pool.max, -3, a whole number of at least 1",
        "mimeo.timeout.sourceSocket, -1, 0 (off) or a positive whole number",
        "mimeo.retention.days, 1.5, 0 (off) or a positive whole number",
        "mimeo.testHooks, yes, true or false",
    })
    void aBadValueIsRefusedNamingTheSettingItsVariableAndWhatItMustBe(String name, String value, String rule) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(Map.of(name, value)));
        assertEquals("MIMEO002300: Setting " + name + " (environment variable " + Settings.envVar(name) + ") must be " + rule
                + ", not '" + value + "'", e.getMessage());
    }

    @Test
    void environmentVariablesFollowMicroProfileConfigsMapping() {
        assertEquals("MIMEO_API_MAXWAITSECONDS", Settings.envVar("mimeo.api.maxWaitSeconds"));
        assertEquals("MIMEO_SOURCE_POOL_MAX", Settings.envVar("mimeo.source.pool.max"));
        assertEquals("JBOSS_NODE_NAME", Settings.envVar("jboss.node.name"));
    }

    @Test
    void secretsAreMaskedInTheLog() {
        assertEquals("****", Settings.shown("mimeo.db.password", "hunter2"));
        assertEquals("****", Settings.shown("mimeo.api.token", "abc"));
        assertEquals("/x/mimeo-secrets.cs", Settings.shown("mimeo.secretKeyStore", "/x/mimeo-secrets.cs"), "the key store's path is no secret");
        assertFalse(logged(read(Map.of())).values().stream().anyMatch(v -> v.startsWith("****")), "no setting of today holds a secret");
    }

    @Test
    void typedValuesMatchWhatWasRead() {
        Settings settings = read(Map.of("mimeo.source.pool.max", "3", "mimeo.source.pool.leakSeconds", "0", "mimeo.timeout.sourceLogin", "5"));
        Map<String, String> shown = logged(settings);
        assertEquals("3 (set)", shown.get("mimeo.source.pool.max"));
        assertEquals("0 (set)", shown.get("mimeo.source.pool.leakSeconds"));
        assertEquals(new Timeouts(10, 5, 600, 60, 3600), settings.timeouts);
        assertEquals(new Settings.SourcePool(3, Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(300)), settings.sourcePool);
    }
}
