package com.consento.preferencecentre;

import com.consento.identity.Identifier;
import java.util.Locale;

/** Sends a preference-centre link to a phone (SMS) or e-mail address. Implementations never log the address. */
interface LinkSender {

    void send(Identifier to, String url, Locale locale);
}
