package com.consento.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The legal requirements Consento implements, each with its id (shipped as compliance/pipl-rules.tsv). */
public final class PiplRules {
    private PiplRules() {
    }

    public record Rule(String id, String source, String scope, String requirement) {
    }

    public static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PiplRules.class.getResourceAsStream("/compliance/pipl-rules.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                rules.add(new Rule(f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rules);
    }
}
