package com.consento.identity;

import com.consento.shared.Conflict;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import com.consento.shared.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/subjects")
class SubjectController {
    private final IdentityService identity;
    private final ProfileService profiles;
    private final TransactionTemplate tx;
    private final SubjectMerger merger;

    SubjectController(IdentityService identity, ProfileService profiles, TransactionTemplate tx, SubjectMerger merger) {
        this.identity = identity;
        this.profiles = profiles;
        this.tx = tx;
        this.merger = merger;
    }

    record CreateBody(List<RawIdentifier> identifiers, Map<String, Object> profile) {
    }

    record SubjectIdView(String subjectId) {
    }

    @PostMapping
    ResponseEntity<SubjectIdView> create(@RequestBody CreateBody body) {
        List<Identifier> identifiers = parseAll(body.identifiers(), "/identifiers");
        Map<String, Object> profile = body.profile() == null ? Map.of() : body.profile();
        record Outcome(String id, boolean created) {
        }
        Outcome outcome = tx.execute(s -> {
            List<String> owners = identifiers.stream().map(identity::lookup)
                    .flatMap(java.util.Optional::stream).distinct().toList();
            if (owners.size() > 1) {
                throw new Conflict("identifiers-of-two-subjects", "these identifiers belong to different subjects");
            }
            if (owners.size() == 1) {
                identifiers.forEach(i -> identity.link(owners.get(0), i));
                return new Outcome(owners.get(0), false);
            }
            String id = identity.create(null, null);
            identifiers.forEach(i -> identity.link(id, i));
            profiles.initialise(id, profile);
            return new Outcome(id, true);
        });
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new SubjectIdView(outcome.id()));
    }

    @GetMapping("/lookup")
    SubjectIdView lookup(@RequestParam String type, @RequestParam String value) {
        Identifier identifier;
        try {
            identifier = IdentityService.parse(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage(), "/value");
        }
        return identity.lookup(identifier).map(SubjectIdView::new)
                .orElseThrow(() -> new NotFound("no subject with that " + identifier.type().code()));
    }

    /** Links identifiers; one that belongs to another subject means both are one person, so they merge. */
    @PostMapping("/{id}/identifiers")
    SubjectIdView link(@PathVariable String id, @RequestBody CreateBody body) {
        String subjectId = identity.requireActive(id);
        List<Identifier> identifiers = parseAll(body.identifiers(), "/identifiers");
        for (Identifier identifier : identifiers) {
            var owner = identity.lookup(identifier);
            if (owner.isPresent() && !owner.get().equals(subjectId)) {
                merger.merge(subjectId, owner.get(), "linked " + identifier.type().code());
            } else if (owner.isEmpty()) {
                tx.executeWithoutResult(s -> identity.link(subjectId, identifier));
            }
        }
        return new SubjectIdView(subjectId);
    }

    record CorrectionBody(String type, String old, String value) {
    }

    /** PIPL-46: replaces a wrong identifier with the right one. */
    @PutMapping("/{id}/identifiers")
    SubjectIdView correct(@PathVariable String id, @RequestBody CorrectionBody body) {
        List<Identifier> both = parseAll(List.of(new RawIdentifier(body.type(), body.old()),
                new RawIdentifier(body.type(), body.value())), "/identifiers");
        tx.executeWithoutResult(s -> identity.correct(id, both.get(0), both.get(1)));
        return new SubjectIdView(identity.requireActive(id));
    }

    @GetMapping("/{id}/profile")
    Map<String, Object> profile(@PathVariable String id) {
        return profiles.profile(id);
    }

    @PutMapping("/{id}/profile")
    Map<String, Object> putProfile(@PathVariable String id, @RequestBody Map<String, Object> profile) {
        return profiles.replace(id, profile);
    }

    static List<Identifier> parseAll(List<RawIdentifier> raw, String pointer) {
        Problems problems = new Problems();
        List<Identifier> parsed = RawIdentifier.parseAll(raw, pointer, problems);
        problems.throwIfAny();
        return parsed;
    }
}
