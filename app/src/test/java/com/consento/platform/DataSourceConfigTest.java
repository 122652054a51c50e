package com.consento.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class DataSourceConfigTest {

    @Test
    void cluster_mode_on_the_embedded_sqlite_database_is_refused_at_start_up_saying_what_to_set() {
        assertThatIllegalStateException()
                .isThrownBy(() -> DataSourceConfig.requireServerDatabaseForCluster("", "kafka:9092"))
                .withMessageContaining("needs PostgreSQL").withMessageContaining("SPRING_DATASOURCE_URL");
        assertThatIllegalStateException()
                .isThrownBy(() -> DataSourceConfig.requireServerDatabaseForCluster("jdbc:sqlite:/tmp/x.db", "k:9092"));
    }

    @Test
    void one_node_on_sqlite_and_a_cluster_on_postgresql_both_start() {
        assertThatCode(() -> DataSourceConfig.requireServerDatabaseForCluster("", "")).doesNotThrowAnyException();
        assertThatCode(() -> DataSourceConfig.requireServerDatabaseForCluster(null, null)).doesNotThrowAnyException();
        assertThatCode(() -> DataSourceConfig.requireServerDatabaseForCluster("jdbc:postgresql://db/consento",
                "kafka:9092")).doesNotThrowAnyException();
    }
}
