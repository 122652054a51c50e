package com.consento.channels;

import com.consento.catalog.CatalogService;
import com.consento.shared.NotFound;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The web SDK's public side: {@code GET /sdk/config?key=…} (what a page may show about purposes and the notice,
 * readable cross-origin by the origins listed on the site key) and the demo shop {@code GET /sdk/demo}. The SDK
 * itself is the static file {@code /sdk/consento.js}.
 */
@Controller
class SdkController {
    private final CatalogService catalog;
    private final SiteKeys keys;
    private final SdkDemoKey demoKey;
    private final Clock clock;

    SdkController(CatalogService catalog, SiteKeys keys, SdkDemoKey demoKey, Clock clock) {
        this.catalog = catalog;
        this.keys = keys;
        this.demoKey = demoKey;
        this.clock = clock;
    }

    @GetMapping(value = "/sdk/config", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> config(@RequestParam String key,
                             @RequestHeader(name = "Origin", required = false) String origin) {
        SiteKeys.SiteKey site = keys.siteKey(key).orElseThrow(() -> new NotFound("unknown site key"));
        if (site.admin() || !site.writesConsent()) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, site.admin()
                    ? "an admin key must never be put in a web page; issue a site key with scope consent:write"
                    : "a site key needs the scope consent:write");
            p.setType(URI.create("https://consento.dev/problems/forbidden"));
            p.setInstance(URI.create("/sdk/config"));
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (origin != null && site.allows(origin)) {
            ok.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        return ok.body(SdkConfig.of(catalog.snapshot(), clock.instant()));
    }

    @GetMapping("/sdk/demo")
    String demo(@RequestParam(required = false) String key, @RequestParam(required = false) String gpc, Model model,
                Locale locale) {
        Optional<String> chosen = key != null && !key.isBlank() ? Optional.of(key.strip()) : demoKey.key();
        model.addAttribute("key", chosen.orElse(null));
        model.addAttribute("gpc", "1".equals(gpc) || "true".equalsIgnoreCase(gpc));
        model.addAttribute("lang", "en".equals(locale.getLanguage()) ? "en" : "zh-CN");
        return "channels/sdk-demo";
    }
}
