package com.consento.console;

import com.consento.identity.Identifier;
import com.consento.identity.IdentifierNormaliser;
import com.consento.identity.IdentifierType;
import com.consento.identity.IdentityService;
import com.consento.identity.SubjectDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds subjects by what staff type: a phone number in E.164 or national form, an e-mail address, a member id
 * or a subject id. Lookups go through the keyed hash, as the API's do; nothing is decrypted to search.
 */
@Component("consoleSubjectSearch")
class SubjectSearch {
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9][0-9 ()\\-]{5,}");
    private final IdentityService identity;
    private final Clock clock;

    SubjectSearch(IdentityService identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /** What was searched for (the identifier to audit, masked there) and who matched. */
    record Result(Identifier query, List<String> subjectIds) {
    }

    /** The identifiers a query can mean, most specific first; empty when it can mean none. */
    static List<Identifier> candidates(String q) {
        List<Identifier> out = new ArrayList<>();
        if (q == null || q.isBlank()) {
            return out;
        }
        String value = q.strip();
        if (value.contains("@")) {
            tryAdd(out, IdentifierType.EMAIL, value);
        } else if (PHONE_LIKE.matcher(value).matches()) {
            tryAdd(out, IdentifierType.PHONE, value);
        }
        if (!value.contains("@") || out.isEmpty()) {
            tryAdd(out, IdentifierType.MEMBER, value);
        }
        return out;
    }

    private static void tryAdd(List<Identifier> out, IdentifierType type, String value) {
        try {
            out.add(IdentifierNormaliser.normalise(type, value));
        } catch (IllegalArgumentException e) {
            // not this kind of identifier
        }
    }

    Result search(String q) {
        String value = q == null ? "" : q.strip();
        Set<String> found = new LinkedHashSet<>();
        if (identity.indexOf(value) >= 0) {
            try {
                found.add(identity.requireActive(value));
            } catch (RuntimeException e) {
                // an erased or unknown subject id finds nobody
            }
            return new Result(null, List.copyOf(found));
        }
        Identifier audited = null;
        for (Identifier candidate : candidates(value)) {
            Optional<String> subject = identity.lookup(candidate);
            if (audited == null || (subject.isPresent() && found.isEmpty())) {
                audited = candidate;
            }
            subject.ifPresent(found::add);
        }
        return new Result(audited, List.copyOf(found));
    }

    /** Under 14 today (PIPL-31a, MIN-34), from the birth date the profile gave; false when none is known. */
    boolean minor(String subjectId) {
        int index = identity.indexOf(subjectId);
        int adultFrom = identity.directory().adultFromDay(index);
        return adultFrom != SubjectDirectory.NO_MINOR && adultFrom > LocalDate.now(clock).toEpochDay();
    }

    /** The subject's identifiers in a stable order (type, then value), so a position names one of them. */
    List<Identifier> identifiers(String subjectId) {
        return identity.identifiers(subjectId).stream()
                .sorted(Comparator.comparing((Identifier i) -> i.type().ordinal()).thenComparing(Identifier::value))
                .toList();
    }
}
