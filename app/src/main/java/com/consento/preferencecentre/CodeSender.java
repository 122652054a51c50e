package com.consento.preferencecentre;

import com.consento.identity.Identifier;
import java.util.Locale;

/** Sends a guardian's one-time verification code by SMS. Implementations never log the number or the code. */
interface CodeSender {

    void send(Identifier phone, String code, Locale locale);
}
