package com.consento.audiences;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ad-audiences")
class AdAudienceController {
    private final AdAudienceService ads;

    AdAudienceController(AdAudienceService ads) {
        this.ads = ads;
    }

    @PostMapping("/{platform}/export")
    @Operation(summary = "Export the hashed identifiers of those whose ads.<platform> consent allows now",
            description = "PIPL-23 / GB-8.4. The purpose ads.<platform> must be a separate-consent purpose naming the "
                    + "platform as recipient, else 422. JSON: {platform, purpose, count, generatedAt, format: "
                    + "\"sha256-hex\", withoutIdentifier, members: [{phoneSha256, emailSha256}]}; phoneSha256 is the "
                    + "lower-case hex SHA-256 of the E.164 phone (with '+', e.g. +8613800138000), emailSha256 of "
                    + "the trimmed lower-case e-mail; a hash is absent when that identifier is unknown. "
                    + "?format=csv gives text/csv with header phone_sha256,email_sha256. See docs/ad-audience-format.md.")
    ResponseEntity<?> export(@PathVariable String platform, @RequestParam(required = false) String format) {
        AdAudienceService.Export export = ads.export(platform);
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(export);
        }
        StringBuilder csv = new StringBuilder("phone_sha256,email_sha256\n");
        export.members().forEach(m -> csv.append(m.phoneSha256() == null ? "" : m.phoneSha256()).append(',')
                .append(m.emailSha256() == null ? "" : m.emailSha256()).append('\n'));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + export.platform() + "-audience.csv\"")
                .header("X-Consento-Count", Integer.toString(export.count()))
                .body(csv.toString());
    }
}
