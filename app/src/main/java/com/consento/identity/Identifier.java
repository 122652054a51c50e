package com.consento.identity;

/** A normalised identifier: phone in E.164, e-mail in lower case, the rest trimmed. */
public record Identifier(IdentifierType type, String value) {

    /** The form that may appear in logs and on staff screens: never the whole phone number or e-mail. */
    public String masked() {
        return Masking.mask(type, value);
    }

    @Override
    public String toString() {
        return type.code() + ":" + masked();
    }
}
