package com.consento.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SQLite in the data directory unless {@code SPRING_DATASOURCE_URL} names another database. SQLite runs in
 * WAL mode with {@code synchronous=FULL} (a 2xx survives power loss) and IMMEDIATE transactions, so two
 * writers queue instead of failing on a lock upgrade.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    @Bean
    DataSource dataSource(CoreConfig.DataDirectory dir, @Value("${spring.datasource.url:}") String url,
                          @Value("${spring.datasource.username:}") String user,
                          @Value("${spring.datasource.password:}") String password,
                          @Value("${consento.db.pool-size:16}") int poolSize,
                          @Value("${consento.kafka.bootstrap:}") String kafka) {
        requireServerDatabaseForCluster(url, kafka);
        HikariConfig config = new HikariConfig();
        config.setPoolName("consento");
        if (isSqlite(url)) {
            String file = url == null || url.isBlank() ? dir.path().resolve("consento.db").toString()
                    : url.substring("jdbc:sqlite:".length());
            config.setJdbcUrl("jdbc:sqlite:" + file + (file.contains("?") ? "&" : "?")
                    + "journal_mode=WAL&synchronous=FULL&busy_timeout=30000&transaction_mode=IMMEDIATE&cache_size=-65536");
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(poolSize);
        }
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    /**
     * Cluster mode shares one database between nodes, which an SQLite file cannot be; and a relay waiting on an
     * unreachable broker would hold SQLite's single writer. Refuse at start-up, saying what to set.
     */
    static void requireServerDatabaseForCluster(String url, String kafka) {
        if (isSqlite(url) && kafka != null && !kafka.isBlank()) {
            throw new IllegalStateException("cluster mode (CONSENTO_KAFKA_BOOTSTRAP=" + kafka.trim() + ") needs "
                    + "PostgreSQL: set SPRING_DATASOURCE_URL=jdbc:postgresql://… for every node, or unset "
                    + "CONSENTO_KAFKA_BOOTSTRAP to run one node on the embedded SQLite database");
        }
    }

    /** No URL means the embedded SQLite file in the data directory. */
    private static boolean isSqlite(String url) {
        return url == null || url.isBlank() || url.startsWith("jdbc:sqlite:");
    }
}
