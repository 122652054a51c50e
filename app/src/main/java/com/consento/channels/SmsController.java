package com.consento.channels;

import com.consento.identity.Identifier;
import com.consento.identity.IdentifierNormaliser;
import com.consento.identity.IdentifierType;
import com.consento.identity.IdentityService;
import com.consento.ledger.Touchpoint;
import com.consento.shared.Channel;
import com.consento.shared.Problems;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SMS-TD: the SMS gateway forwards every inbound message here. A stop reply withdraws every granted consent of
 * that number's subject on the {@code sms} channel (one WITHDRAW per key, touchpoint SMS, captured when the
 * message was received). Anything else, and any number we do not know, answers {@code {"action": "none"}}, so
 * the answer never tells who is a customer.
 */
@RestController
@RequestMapping("/api/v1/inbound")
class SmsController {
    private static final long MAX_FUTURE_MILLIS = 5 * 60_000L;
    private final IdentityService identity;
    private final ChannelWithdrawals withdrawals;
    private final Clock clock;

    SmsController(IdentityService identity, ChannelWithdrawals withdrawals, Clock clock) {
        this.identity = identity;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    record InboundSms(String from, String text, String receivedAt) {
    }

    record Outcome(String action, String keyword, List<ChannelWithdrawals.Withdrawn> withdrawn) {
        static final Outcome NONE = new Outcome("none", null, null);
    }

    @PostMapping("/sms")
    Outcome inbound(@RequestBody InboundSms sms) {
        Problems problems = new Problems();
        problems.require(sms.from() != null && !sms.from().isBlank(), "/from",
                "from (the sender's number) is required");
        Instant receivedAt = clock.instant();
        if (sms.receivedAt() != null && !sms.receivedAt().isBlank()) {
            try {
                receivedAt = Instant.parse(sms.receivedAt().trim());
                problems.require(receivedAt.toEpochMilli() <= clock.millis() + MAX_FUTURE_MILLIS, "/receivedAt",
                        "receivedAt is more than 5 minutes in the future");
            } catch (DateTimeParseException e) {
                problems.add("/receivedAt", "receivedAt must be an ISO-8601 instant such as 2026-11-30T01:00:00Z");
            }
        }
        problems.throwIfAny();
        Optional<String> keyword = StopKeywords.match(sms.text());
        if (keyword.isEmpty()) {
            return Outcome.NONE;
        }
        Optional<String> subject = phone(sms.from()).flatMap(identity::lookup);
        if (subject.isEmpty()) {
            return Outcome.NONE;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("method", "sms-reply");
        evidence.put("keyword", keyword.get());
        List<ChannelWithdrawals.Withdrawn> withdrawn = withdrawals.withdrawAll(subject.get(), Channel.SMS,
                Touchpoint.SMS, receivedAt, evidence);
        return withdrawn.isEmpty() ? Outcome.NONE : new Outcome("withdrawn", keyword.get(), withdrawn);
    }

    /** Gateways send "13800138000", "+8613800138000" or "8613800138000"; anything else is nobody we know. */
    static Optional<Identifier> phone(String from) {
        String raw = from.strip();
        try {
            return Optional.of(IdentifierNormaliser.normalise(IdentifierType.PHONE, raw));
        } catch (IllegalArgumentException e) {
            if (raw.chars().allMatch(Character::isDigit) && raw.length() > 10) {
                try {
                    return Optional.of(IdentifierNormaliser.normalise(IdentifierType.PHONE, "+" + raw));
                } catch (IllegalArgumentException ignored) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }
}
