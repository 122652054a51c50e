package com.consento.preferencecentre;

import com.consento.identity.Identifier;
import com.consento.identity.IdentifierNormaliser;
import com.consento.identity.IdentifierType;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stand-in until an SMS gateway is wired: logs that a guardian code was sent to a masked number, never the
 * number or the code, and keeps the last code per masked number in memory (its outbox).
 */
@Component
class LogCodeSender implements CodeSender {
    private static final Logger log = LoggerFactory.getLogger(LogCodeSender.class);
    private final Outbox outbox = new Outbox();

    @Override
    public void send(Identifier phone, String code, Locale locale) {
        outbox.put(phone, code);
        log.info("guardian verification code sent by SMS to {}", phone.masked());
    }

    /** The last code sent to this phone (as typed), or null. For tests and local development. */
    String lastCodeTo(String phone) {
        return outbox.last(IdentifierNormaliser.normalise(IdentifierType.PHONE, phone));
    }
}
