package com.consento.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database the integration suite runs on ({@code -Dconsento.test.db=sqlite|postgres}). Without
 * {@code CONSENTO_TEST_PG_URL} the PostgreSQL run is skipped on a developer's machine and fails in CI.
 */
public final class TestDatabase implements ExecutionCondition {
    static final String DB = System.getProperty("consento.test.db", "sqlite");
    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    static boolean postgres() {
        return "postgres".equals(DB);
    }

    static String pgUrl() {
        String url = System.getenv("CONSENTO_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            // In CI a missing database is a failure: point at a server that is not there rather than skip.
            return CI ? "jdbc:postgresql://127.0.0.1:1/missing-CONSENTO_TEST_PG_URL" : null;
        }
        return url;
    }

    static String pgUser() {
        return System.getenv().getOrDefault("CONSENTO_TEST_PG_USER", "consento");
    }

    static String pgPassword() {
        return System.getenv().getOrDefault("CONSENTO_TEST_PG_PASSWORD", "consento");
    }

    private static final Path DATA_DIR = createDataDir();

    static Path dataDir() {
        return DATA_DIR;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("consento-it-" + DB + "-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (postgres() && pgUrl() == null) {
            return ConditionEvaluationResult.disabled("PostgreSQL suite: set CONSENTO_TEST_PG_URL (CI fails instead)");
        }
        return ConditionEvaluationResult.enabled("database: " + DB);
    }
}
