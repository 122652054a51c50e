package com.consento.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.text.ParseException;
import java.util.Map;

/** Checks a receipt's compact JWS against the published public key, as anyone holding the receipt could. */
final class ReceiptCheck {
    private ReceiptCheck() {
    }

    static boolean verifies(String jws, Map<String, Object> publicJwk) {
        try {
            return JWSObject.parse(jws).verify(new ECDSAVerifier(ECKey.parse(publicJwk)));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }
}
