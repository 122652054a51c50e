package com.consento.preferencecentre;

import com.consento.identity.Identifier;
import com.consento.identity.IdentifierNormaliser;
import com.consento.identity.IdentifierType;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stand-in until an SMS/e-mail gateway is wired: logs that a link was sent, to a masked address only (PIPL-51),
 * never the link itself (it opens the person's settings), and keeps the last link per masked address in memory.
 */
@Component
class LogLinkSender implements LinkSender {
    private static final Logger log = LoggerFactory.getLogger(LogLinkSender.class);
    private final Outbox outbox = new Outbox();

    @Override
    public void send(Identifier to, String url, Locale locale) {
        outbox.put(to, url);
        log.info("preference-centre link sent by {} to {}", to.type() == IdentifierType.EMAIL ? "e-mail" : "SMS",
                to.masked());
    }

    /** The last link sent to this phone or e-mail (as typed), or null. For tests and local development. */
    String lastLinkTo(IdentifierType type, String value) {
        return outbox.last(IdentifierNormaliser.normalise(type, value));
    }
}
