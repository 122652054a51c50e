package com.consento.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * One Spring context for every integration test on a database: a real server on a random port, the real
 * database (SQLite in a fresh data directory, or a freshly cleaned PostgreSQL), a known admin key.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"consento.admin-key=" + Api.ADMIN_KEY, "consento.demo=false"})
@Import(TestDatabaseConfig.class)
public @interface IntegrationTest {
}
