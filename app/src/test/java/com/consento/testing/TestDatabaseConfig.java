package com.consento.testing;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

@TestConfiguration(proxyBeanMethods = false)
class TestDatabaseConfig {

    @Bean
    DynamicPropertyRegistrar database() {
        return registry -> {
            registry.add("consento.data-dir", () -> TestDatabase.dataDir().toString());
            if (TestDatabase.postgres()) {
                registry.add("spring.datasource.url", TestDatabase::pgUrl);
                registry.add("spring.datasource.username", TestDatabase::pgUser);
                registry.add("spring.datasource.password", TestDatabase::pgPassword);
                registry.add("spring.flyway.clean-disabled", () -> "false");
            }
        };
    }

    /** Each run starts from an empty schema, so tests never see a previous run's rows. */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            if (TestDatabase.postgres()) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
