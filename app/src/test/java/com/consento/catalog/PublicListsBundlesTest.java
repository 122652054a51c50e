package com.consento.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/** The public lists speak zh-CN and English with the same keys, and every key their pages use exists. */
class PublicListsBundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern KEY = Pattern.compile("#\\{'?((?:lists|pc)\\.[A-Za-z0-9_.\\-]*)");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve("i18n/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    @DisplayName("the default bundle is the zh-CN one, and the en bundle has exactly its keys")
    void bundles_are_in_step() throws IOException {
        assertThat(load("lists.properties")).isEqualTo(load("lists_zh_CN.properties"));
        assertThat(new TreeSet<>(load("lists_en.properties").stringPropertyNames()))
                .containsExactlyElementsOf(new TreeSet<>(load("lists_zh_CN.properties").stringPropertyNames()));
    }

    @Test
    @DisplayName("every message with arguments is a valid MessageFormat pattern without an ASCII apostrophe")
    void messages_are_valid() throws IOException {
        for (String bundle : new String[] {"lists_zh_CN.properties", "lists_en.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertThat(key).startsWith("lists.");
                assertThat(value).as(bundle + " " + key).isNotBlank();
                if (value.contains("{")) {
                    assertThat(value).as(bundle + " " + key).doesNotContain("'");
                    new MessageFormat(value);
                }
            }
        }
    }

    @Test
    @DisplayName("every key the list pages name literally exists (the pc.* words in the preference centre's bundle)")
    void every_used_key_exists() throws IOException {
        Set<String> keys = new TreeSet<>(load("lists_zh_CN.properties").stringPropertyNames());
        keys.addAll(load("preferences_zh_CN.properties").stringPropertyNames());
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("templates/public"))) {
            for (Path f : files.toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // computed keys ('lists.kind.' + kind, 'pc.basis.' + basis): every value of the enum has its message
        for (PublicLists.RecipientKind kind : PublicLists.RecipientKind.values()) {
            used.add("lists.kind." + kind);
        }
        for (LegalBasis basis : LegalBasis.values()) {
            used.add("pc.basis." + basis);
        }
        used.removeIf(k -> k.endsWith("."));
        assertThat(used).contains("lists.collection.title");
        assertThat(keys).containsAll(used);
    }
}
