package com.consento.decisions;

import com.consento.shared.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads {@code {"checks": [{subject, purpose, channel}, …]}} and writes {@code {"results": [...]}} with Jackson's
 * streaming API. A batch of 1,000 checks is mostly JSON: binding it to records cost more than deciding it.
 * Problems name the JSON pointer, as the rest of the API does.
 */
final class BatchCodec {
    private BatchCodec() {
    }

    record Check(String subject, String purpose, String channel) {
    }

    /** The checks of a body; at most {@code max} of them. */
    static List<Check> read(JsonParser p, int max) {
        String at = "";
        try {
            List<Check> checks = null;
            expect(p.nextToken(), JsonToken.START_OBJECT, "", "the body must be a JSON object {\"checks\": [...]}");
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                if (!name.equals("checks")) {
                    p.skipChildren();
                    continue;
                }
                at = "/checks";
                expect(value, JsonToken.START_ARRAY, at, "checks must be an array of {subject, purpose, channel}");
                checks = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (checks.size() == max) {
                        throw new InvalidRequest("at most " + max + " checks per batch", "/checks");
                    }
                    at = "/checks/" + checks.size();
                    checks.add(check(p, at));
                }
            }
            if (p.nextToken() != null) {
                throw InvalidRequest.malformedBody("", "content after the JSON object");
            }
            if (checks == null || checks.isEmpty()) {
                throw new InvalidRequest("checks must hold at least one {subject, purpose, channel}", "/checks");
            }
            return checks;
        } catch (JacksonException e) {
            throw InvalidRequest.malformedBody(at, e.getOriginalMessage());
        }
    }

    private static Check check(JsonParser p, String at) {
        expect(p.currentToken(), JsonToken.START_OBJECT, at, "each check is an object {subject, purpose, channel}");
        String subject = null;
        String purpose = null;
        String channel = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "subject" -> subject = text(p, value, at + "/subject");
                case "purpose" -> purpose = text(p, value, at + "/purpose");
                case "channel" -> channel = text(p, value, at + "/channel");
                default -> p.skipChildren();
            }
        }
        if (subject == null || purpose == null) {
            throw new InvalidRequest("each check needs subject and purpose", at);
        }
        return new Check(subject, purpose, channel);
    }

    private static String text(JsonParser p, JsonToken value, String at) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value, JsonToken.VALUE_STRING, at, "must be a string");
        return p.getString();
    }

    private static void expect(JsonToken actual, JsonToken expected, String at, String detail) {
        if (actual != expected) {
            throw new InvalidRequest(detail, at);
        }
    }

    static void write(JsonGenerator g, List<Decision> results) {
        g.writeStartObject();
        g.writeName("results");
        g.writeStartArray();
        for (Decision d : results) {
            g.writeStartObject();
            g.writeBooleanProperty("allowed", d.allowed());
            g.writeStringProperty("reason", d.reason().name());
            if (d.eventId() != 0) {
                g.writeStringProperty("eventId", Long.toString(d.eventId()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
