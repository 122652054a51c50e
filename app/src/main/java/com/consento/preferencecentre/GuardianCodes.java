package com.consento.preferencecentre;

import com.consento.identity.Identifier;
import com.consento.shared.Sha256;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Verifies a guardian's phone with a 6-digit one-time code (PIPL-31a): valid for 10 minutes, 5 attempts,
 * at most 5 codes per visit. Only a salted hash of the code stays in the session.
 */
@Component
class GuardianCodes {
    static final long VALID_MILLIS = 10 * 60_000L;
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_CODES = 5;
    private final SecureRandom random = new SecureRandom();
    private final CodeSender sender;
    private final Clock clock;

    GuardianCodes(CodeSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    enum Outcome { SENT, VERIFIED, WRONG, EXPIRED, NO_CODE, TOO_MANY }

    Outcome send(Visit visit, Identifier phone, String relationship, Locale locale) {
        if (visit.codesSent() >= MAX_CODES) {
            return Outcome.TOO_MANY;
        }
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        visit.codeSent(phone.value(), relationship, hash(visit, code), clock.millis() + VALID_MILLIS);
        sender.send(phone, code, locale);
        return Outcome.SENT;
    }

    Outcome verify(Visit visit, String code) {
        if (visit.pendingCodeHash() == null) {
            return Outcome.NO_CODE;
        }
        if (clock.millis() > visit.pendingExpiresAt()) {
            visit.clearPending();
            return Outcome.EXPIRED;
        }
        if (visit.pendingAttempts() >= MAX_ATTEMPTS) {
            visit.clearPending();
            return Outcome.TOO_MANY;
        }
        String typed = code == null ? "" : code.strip();
        if (typed.matches("\\d{6}") && MessageDigest.isEqual(hash(visit, typed).getBytes(StandardCharsets.US_ASCII),
                visit.pendingCodeHash().getBytes(StandardCharsets.US_ASCII))) {
            visit.verified();
            return Outcome.VERIFIED;
        }
        visit.failedAttempt();
        return Outcome.WRONG;
    }

    private static String hash(Visit visit, String code) {
        return Sha256.hex(visit.csrf() + ":" + visit.subjectId() + ":" + code);
    }
}
