package com.consento.campaigns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The development adapter: appends each message as a JSON line to {@code <data dir>/outbox/messages.jsonl},
 * with the address masked (PIPL-51), and logs the message id. Nothing leaves the machine.
 */
final class LogConnector implements ChannelConnector {
    private static final Logger log = LoggerFactory.getLogger(LogConnector.class);
    private final Path file;
    private final JsonMapper json;

    LogConnector(Path dataDir, JsonMapper json) {
        this.file = dataDir.resolve("outbox").resolve("messages.jsonl");
        this.json = json;
    }

    @Override
    public synchronized void send(OutboundMessage m) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", m.messageId());
        line.put("campaignId", m.campaignId());
        line.put("subjectId", m.subjectId());
        line.put("channel", m.channel());
        line.put("to", m.maskedAddress());
        line.put("text", m.text());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.debug("campaign {} message {} via {} to {}", m.campaignId(), m.messageId(), m.channel(), m.maskedAddress());
    }
}
