package com.consento.recommendations;

import com.consento.shared.InvalidRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class RecommendationController {
    private final RecommendationService recommendations;
    private final FeatureService features;

    RecommendationController(RecommendationService recommendations, FeatureService features) {
        this.recommendations = recommendations;
        this.features = features;
    }

    @GetMapping("/recommendations")
    ResponseEntity<Recommendations> recommend(@RequestParam(required = false) String subject,
                                              @RequestParam(required = false) Integer limit,
                                              @RequestParam(required = false) Boolean personalized,
                                              @RequestParam(required = false) String context,
                                              @RequestParam(required = false) String lang,
                                              @RequestHeader(value = "Accept-Language", required = false)
                                              String acceptLanguage) {
        int n = limit == null ? RecommendationSettings.DEFAULT_LIMIT : limit;
        if (n < 1 || n > RecommendationSettings.MAX_LIMIT) {
            throw new InvalidRequest("limit is 1 to " + RecommendationSettings.MAX_LIMIT, "/limit");
        }
        String ctx = context == null || context.isBlank() ? null : context.strip();
        if (ctx != null && ctx.length() > 64) {
            throw new InvalidRequest("context is a sku of at most 64 characters", "/context");
        }
        String who = subject == null || subject.isBlank() ? null : subject.strip();
        Language language = Language.resolve(lang, acceptLanguage);
        Recommendations r = recommendations.recommend(who, n, Boolean.FALSE.equals(personalized), ctx, language);
        return ResponseEntity.ok().header("Content-Language", language.tag()).header("Cache-Control", "no-store")
                .body(r);
    }

    @GetMapping("/subjects/{id}/recommendation-features")
    ResponseEntity<Map<String, Object>> features(@PathVariable String id) {
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(features.view(id));
    }

    @DeleteMapping("/subjects/{id}/recommendation-features")
    Map<String, Object> delete(@PathVariable String id) {
        return features.delete(id);
    }
}
