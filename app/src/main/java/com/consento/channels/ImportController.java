package com.consento.channels;

import com.consento.shared.InvalidRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/imports/consents} (text/csv, UTF-8 unless the Content-Type names another charset, e.g.
 * GBK from an older CRM): the body is read as a stream, row by row; the answer is the per-row report.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {
    private final ConsentImporter importer;

    ImportController(ConsentImporter importer) {
        this.importer = importer;
    }

    @PostMapping(value = "/consents", consumes = {"text/csv", "application/csv", "text/plain"})
    ConsentImporter.Report importConsents(HttpServletRequest request) throws IOException {
        Charset charset = charset(request.getContentType());
        try (Reader reader = new BufferedReader(new InputStreamReader(request.getInputStream(), charset), 1 << 16)) {
            return importer.importCsv(reader);
        }
    }

    /** The charset the Content-Type names (the servlet's own is forced to UTF-8), default UTF-8. */
    static Charset charset(String contentType) {
        try {
            Charset named = contentType == null ? null : MediaType.parseMediaType(contentType).getCharset();
            return named == null ? StandardCharsets.UTF_8 : named;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("unsupported charset in Content-Type '" + contentType + "'",
                    "/headers/Content-Type");
        }
    }
}
