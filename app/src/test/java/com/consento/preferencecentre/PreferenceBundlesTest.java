package com.consento.preferencecentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The preference centre speaks zh-CN and English with the same keys, and every key a page or class uses exists. */
class PreferenceBundlesTest {
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{(pc\\.[A-Za-z0-9_.\\-]+)");
    private static final Pattern JAVA_KEY = Pattern.compile("\"(pc\\.[A-Za-z0-9_.\\-]*[A-Za-z0-9_\\-])\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PreferenceBundlesTest.class.getResourceAsStream("/i18n/" + name);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    @Test
    @DisplayName("the zh-CN, en and default bundles have exactly the same keys")
    void bundles_have_the_same_keys() throws IOException {
        Set<String> zh = new TreeSet<>(load("preferences_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("preferences_en.properties").stringPropertyNames());
        Set<String> base = new TreeSet<>(load("preferences.properties").stringPropertyNames());
        assertThat(en).as("keys in zh_CN but not in en, and the reverse").containsExactlyElementsOf(zh);
        assertThat(base).containsExactlyElementsOf(zh);
        assertThat(zh).allMatch(k -> k.startsWith("pc."), "every key starts with pc. (bundles share one namespace)");
    }

    @Test
    @DisplayName("the default bundle is the zh-CN one, word for word")
    void default_bundle_is_zh_cn() throws IOException {
        assertThat(load("preferences.properties")).isEqualTo(load("preferences_zh_CN.properties"));
    }

    @Test
    @DisplayName("no message is empty, and every message with arguments is a valid MessageFormat pattern")
    void messages_are_valid() throws IOException {
        for (String bundle : new String[] {"preferences_zh_CN.properties", "preferences_en.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertThat(value).as(bundle + " " + key).isNotBlank();
                if (value.contains("{")) {
                    assertThat(value).as(bundle + " " + key + ": an ASCII apostrophe would be eaten by MessageFormat")
                            .doesNotContain("'");
                    new MessageFormat(value);
                }
            }
        }
    }

    @Test
    @DisplayName("every key used in the templates and classes of the preference centre exists")
    void every_used_key_exists() throws IOException {
        Set<String> keys = load("preferences_zh_CN.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        for (Path dir : new Path[] {Path.of("src/main/resources/templates/preferences"),
                Path.of("src/main/java/com/consento/preferencecentre")}) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String text = Files.readString(f);
                    Matcher m = (f.toString().endsWith(".html") ? TEMPLATE_KEY : JAVA_KEY).matcher(text);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }
}
