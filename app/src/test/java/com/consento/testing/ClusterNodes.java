package com.consento.testing;

import com.consento.ConsentoApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the cluster tests share: a PostgreSQL database of their own ({@code <prefix>_<random>}: concurrent builds
 * on one server must not drop each other's), Consento nodes started in process against it with one set of master
 * keys, and the clean-up. Only in the PostgreSQL pass; in CI a missing database fails instead of skipping.
 */
public final class ClusterNodes implements AutoCloseable {
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String database;
    private final String[] keys;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    private ClusterNodes(String adminUrl, String user, String password, String database) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.database = database;
        SecureRandom random = new SecureRandom();
        this.keys = new String[] {key(random), key(random)};
    }

    /** Creates the database, or skips {@code what} outside the PostgreSQL pass. */
    public static ClusterNodes onOwnDatabase(String prefix, String what) throws SQLException {
        Assumptions.assumeTrue("postgres".equals(System.getProperty("consento.test.db")),
                "cluster mode needs PostgreSQL: runs in the it-postgres pass");
        String url = System.getenv("CONSENTO_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CONSENTO_TEST_PG_URL is not set; in CI " + what + " fails rather than skip");
            }
            Assumptions.abort("set CONSENTO_TEST_PG_URL to run " + what);
        }
        ClusterNodes cluster = new ClusterNodes(url, System.getenv().getOrDefault("CONSENTO_TEST_PG_USER", "consento"),
                System.getenv().getOrDefault("CONSENTO_TEST_PG_PASSWORD", "consento"),
                prefix + "_" + Long.toHexString(System.nanoTime() & 0xffffffffL));
        try (Connection c = DriverManager.getConnection(url, cluster.user, cluster.password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + cluster.database);
        }
        return cluster;
    }

    /** Starts a node named {@code name} on the cluster database, with Kafka at {@code bootstrap}. */
    public ConfigurableApplicationContext start(String name, String bootstrap, String kafkaLogLevel) throws Exception {
        Path dir = Files.createTempDirectory("consento-" + database + "-" + name + "-");
        ConfigurableApplicationContext node = new SpringApplicationBuilder(ConsentoApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + withDatabase(adminUrl, database),
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--consento.master-key=" + keys[0], "--consento.lookup-key=" + keys[1],
                "--consento.kafka.bootstrap=" + bootstrap, "--consento.admin-key=" + Api.ADMIN_KEY,
                "--consento.demo=false", "--consento.db.pool-size=8",
                "--logging.level.org.apache.kafka=" + kafkaLogLevel, "--logging.level.kafka=WARN",
                "--logging.level.state.change.logger=WARN", "--consento.data-dir=" + dir,
                "--consento.node-id=" + name);
        nodes.add(node);
        return node;
    }

    public static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    /** The same server and parameters, another database. */
    public static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    /** Kafka's own loggers at WARN: the broker's start-up chatter would bury the test's output. */
    public static void quiet(String... loggers) {
        for (String name : loggers) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) {
                l.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    /** Stops the nodes, last started first, then drops the database. */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop " + database + ": " + e.getMessage());
        }
    }

    private static String key(SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }
}
