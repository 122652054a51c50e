package com.consento.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The console's zh-CN and en bundles stay in step, and every key the console uses exists in them. */
class ConsoleMessagesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{(console\\.[A-Za-z0-9_.\\-]+)");
    private static final Pattern CODE_KEY = Pattern.compile("\"(console\\.[A-Za-z0-9_.\\-]*[A-Za-z0-9])\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(RESOURCES.resolve("i18n/" + name)),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    @DisplayName("console.properties, console_zh_CN.properties and console_en.properties have the same keys")
    void bundles_have_the_same_keys() throws IOException {
        Set<String> base = load("console.properties").stringPropertyNames();
        assertThat(load("console_zh_CN.properties").stringPropertyNames()).isEqualTo(base);
        assertThat(load("console_en.properties").stringPropertyNames()).isEqualTo(base);
    }

    @Test
    @DisplayName("no console message is empty, and the default bundle speaks zh-CN")
    void no_message_is_empty_and_default_is_chinese() throws IOException {
        for (String name : new String[] {"console.properties", "console_zh_CN.properties", "console_en.properties"}) {
            Properties p = load(name);
            p.stringPropertyNames().forEach(k -> assertThat(p.getProperty(k)).as(name + " " + k).isNotBlank());
        }
        assertThat(load("console.properties")).isEqualTo(load("console_zh_CN.properties"));
    }

    @Test
    @DisplayName("messages with arguments contain no ASCII apostrophe (MessageFormat would swallow it)")
    void formatted_messages_have_no_ascii_apostrophe() throws IOException {
        for (String name : new String[] {"console_zh_CN.properties", "console_en.properties"}) {
            Properties p = load(name);
            p.stringPropertyNames().stream().filter(k -> p.getProperty(k).contains("{0}"))
                    .forEach(k -> assertThat(p.getProperty(k)).as(name + " " + k).doesNotContain("'"));
        }
    }

    @Test
    @DisplayName("every key a console template or class names exists in the bundles")
    void every_used_key_exists() throws IOException {
        Set<String> known = load("console.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates/console"))) {
            for (Path t : templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(t));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/com/consento/console"))) {
            for (Path s : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_KEY.matcher(Files.readString(s));
                while (m.find()) {
                    if (!m.group(1).endsWith(".problem") && !m.group(1).equals("console.purpose.problem")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    @Test
    @DisplayName("every key built from a value (touchpoints, actions, statuses, roles, legal bases, charts) exists")
    void every_composed_key_exists() throws IOException {
        Set<String> known = load("console.properties").stringPropertyNames();
        for (var t : com.consento.ledger.Touchpoint.values()) {
            assertThat(known).contains("console.touchpoint." + t.name());
        }
        for (var a : com.consento.ledger.Action.values()) {
            assertThat(known).contains("console.action." + a.name());
        }
        for (var s : com.consento.ledger.ConsentStatus.values()) {
            assertThat(known).contains("console.status." + s.name());
        }
        for (var r : com.consento.access.Role.values()) {
            assertThat(known).contains("console.role." + r.name(), "console.role." + r.name() + ".help");
        }
        for (var b : com.consento.catalog.LegalBasis.values()) {
            assertThat(known).contains("console.legalBasis." + b.name());
        }
        for (var i : com.consento.identity.IdentifierType.values()) {
            assertThat(known).contains("console.identifier." + i.code());
        }
        for (String chart : new String[] {"consent-rate", "consent-trend", "touchpoints", "rights-requests",
                "campaign-roi"}) {
            assertThat(known).contains("console.dashboard.chart." + chart, "console.dashboard.chart." + chart + ".help");
        }
        for (String action : new String[] {"GRANT", "WITHDRAW", "DENY"}) {
            assertThat(known).contains("console.dashboard.trend." + action);
        }
        for (String kind : new String[] {"purposes", "dataCategories", "methods"}) {
            assertThat(known).contains("console.notice.material." + kind);
        }
    }
}
