package com.consento.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/decisions")
class DecisionController {
    static final int MAX_CHECKS = 10_000;
    private final DecisionService decisions;
    private final JsonMapper json;

    DecisionController(DecisionService decisions, JsonMapper json) {
        this.decisions = decisions;
        this.json = json;
    }

    record DecisionView(boolean allowed, String reason, String eventId) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.allowed(), d.reason().name(), d.eventRef());
        }
    }

    @GetMapping
    DecisionView decide(@RequestParam String subject, @RequestParam String purpose,
                        @RequestParam(required = false) String channel) {
        return DecisionView.of(decisions.decide(subject, purpose, channel));
    }

    /** The body of a batch, for the API docs; {@link BatchCodec} reads it. */
    record Checks(List<BatchCodec.Check> checks) {
    }

    /** The answer to a batch, for the API docs; {@link BatchCodec} writes it. */
    record Results(List<DecisionView> results) {
    }

    @PostMapping(value = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Up to 10,000 decisions in one call, answered in order at one moment",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Checks.class))))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Results.class)))
    void batch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<BatchCodec.Check> checks;
        try (JsonParser p = json.createParser(request.getInputStream())) {
            checks = BatchCodec.read(p, MAX_CHECKS);
        }
        List<Decision> results = decisions.decideAll(checks);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
            BatchCodec.write(g, results);
        }
    }
}
