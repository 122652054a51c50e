package com.consento.recommendations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Item names for explanations. Orders carry only a sku and a category, so where the operator points
 * {@code consento.recommendations.descriptions-file} at an Online Retail style CSV (plain or gzipped; a path
 * or {@code classpath:resource}), the names come from its Description column (first non-blank one per
 * StockCode). Loaded once, off the request path, by the training job.
 */
@Component
class ItemDescriptions {
    private static final Logger log = LoggerFactory.getLogger(ItemDescriptions.class);
    private final String file;
    private volatile Map<String, String> names = Map.of();
    private volatile boolean loaded;

    ItemDescriptions(RecommendationSettings settings) {
        this.file = settings.descriptionsFile();
    }

    /** The item's readable name, or null when none is known. */
    String name(String sku) {
        return names.get(sku);
    }

    void loadOnce() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (file == null || file.isBlank()) {
            return;
        }
        Map<String, String> read = new HashMap<>();
        try (InputStream in = open(file.strip())) {
            if (in == null) {
                log.warn("recommendations: descriptions file {} cannot be read; items are described by code and "
                        + "category", file);
                return;
            }
            OnlineRetailReader.read(new CsvRecordReader(new BufferedReader(new InputStreamReader(
                    file.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in, StandardCharsets.UTF_8))), line -> {
                        String name = Explanations.readable(line.description());
                        if (name != null) {
                            read.putIfAbsent(line.stockCode(), name);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            log.warn("recommendations: cannot read descriptions from {}: {}", file, e.getMessage());
            return;
        }
        add(read);
        log.info("recommendations: {} item names from {}", read.size(), file);
    }

    /** A file path, or {@code classpath:} and a resource (e.g. the demo's Online Retail extract); null if absent. */
    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            return ItemDescriptions.class.getClassLoader().getResourceAsStream(location.substring(10));
        }
        Path path = Path.of(location);
        return Files.isReadable(path) ? Files.newInputStream(path) : null;
    }

    /** Adds names known otherwise (tests, a future product catalogue). */
    synchronized void add(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(names);
        merged.putAll(more);
        names = Map.copyOf(merged);
    }
}
