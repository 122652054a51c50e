package com.consento.ledger;

import com.consento.identity.SubjectMerger;
import com.consento.shared.Problems;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MergeController {
    private final SubjectMerger merges;

    MergeController(SubjectMerger merges) {
        this.merges = merges;
    }

    record MergeBody(String survivor, String merged, String reason) {
    }

    @PostMapping("/api/v1/subjects/merge")
    Map<String, String> merge(@RequestBody MergeBody body) {
        Problems problems = new Problems();
        problems.require(body.survivor() != null && !body.survivor().isBlank(), "/survivor", "the subject id that stays");
        problems.require(body.merged() != null && !body.merged().isBlank(), "/merged", "the subject id that joins it");
        problems.throwIfAny();
        return Map.of("subjectId", merges.merge(body.survivor(), body.merged(), body.reason()));
    }
}
