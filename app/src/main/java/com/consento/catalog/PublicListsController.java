package com.consento.catalog;

import com.consento.shared.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * NDSR-21, public and without a key: JSON for crawlers by default, a plain page when a browser asks for HTML.
 * {@code catalogVersion} is a hash of the list's content, so a crawler sees a change without diffing, and it
 * doubles as the ETag; {@code generatedAt} says when this answer was computed.
 */
@Controller
class PublicListsController {
    static final String COLLECTION = "/public/collection-list";
    static final String SHARING = "/public/sharing-list";
    // short: a newly effective notice should show within a minute, and revalidation is a cheap 304
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    private final CatalogService catalog;
    private final JsonMapper json;
    private final Clock clock;

    PublicListsController(CatalogService catalog, JsonMapper json, Clock clock) {
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    record CollectionView(Instant generatedAt, String catalogVersion, PublicLists.Handler handler,
                          List<PublicLists.Category> categories) {
    }

    record SharingView(Instant generatedAt, String catalogVersion, PublicLists.Handler handler,
                       List<PublicLists.Recipient> recipients) {
    }

    @GetMapping(COLLECTION)
    @ResponseBody
    ResponseEntity<CollectionView> collection() {
        Instant now = clock.instant();
        PublicLists.Collection list = new PublicLists(catalog.snapshot(), now).collection();
        String version = version(list);
        return cached(version).body(new CollectionView(now, version, list.handler(), list.categories()));
    }

    @GetMapping(SHARING)
    @ResponseBody
    ResponseEntity<SharingView> sharing() {
        Instant now = clock.instant();
        PublicLists.Sharing list = new PublicLists(catalog.snapshot(), now).sharing();
        String version = version(list);
        return cached(version).body(new SharingView(now, version, list.handler(), list.recipients()));
    }

    @GetMapping(value = COLLECTION, produces = MediaType.TEXT_HTML_VALUE)
    String collectionPage(Locale locale, Model model) {
        Instant now = clock.instant();
        PublicLists.Collection list = new PublicLists(catalog.snapshot(), now).collection();
        page(model, locale, now, version(list), list.handler(), COLLECTION);
        model.addAttribute("categories", list.categories());
        return "public/collection-list";
    }

    @GetMapping(value = SHARING, produces = MediaType.TEXT_HTML_VALUE)
    String sharingPage(Locale locale, Model model) {
        Instant now = clock.instant();
        PublicLists.Sharing list = new PublicLists(catalog.snapshot(), now).sharing();
        page(model, locale, now, version(list), list.handler(), SHARING);
        model.addAttribute("recipients", list.recipients());
        return "public/sharing-list";
    }

    private static void page(Model model, Locale locale, Instant now, String version, PublicLists.Handler handler,
                             String here) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        model.addAttribute("lang", en ? "en" : "zh-CN");
        model.addAttribute("otherLang", en ? "zh-CN" : "en");
        model.addAttribute("otherLangName", en ? "中文" : "English");
        model.addAttribute("here", here);
        model.addAttribute("generatedAt", now.toString());
        model.addAttribute("catalogVersion", version);
        model.addAttribute("handler", handler);
    }

    /** The same URL answers JSON or HTML, so shared caches must keep them apart. */
    private static ResponseEntity.BodyBuilder cached(String version) {
        return ResponseEntity.ok().eTag(version).cacheControl(CACHE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /** A hash of the content without its time, stable across nodes and restarts (maps are sorted). */
    private String version(Object content) {
        return Sha256.hex(json.writeValueAsString(content)).substring(0, 16);
    }
}
