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
                          @Value("${consento.db.pool-size:16}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("consento");
        if (url == null || url.isBlank() || url.startsWith("jdbc:sqlite:")) {
            String file = url == null || url.isBlank() ? dir.path().resolve("consento.db").toString()
                    : url.substring("jdbc:sqlite:".length());
            config.setJdbcUrl("jdbc:sqlite:" + file + (file.contains("?") ? "&" : "?")
                    + "journal_mode=WAL&synchronous=FULL&busy_timeout=30000&transaction_mode=IMMEDIATE");
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
}
