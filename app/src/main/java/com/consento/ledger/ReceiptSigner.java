package com.consento.ledger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;

/**
 * Signs consent receipts as compact JWS (ES256). The key pair is created in the data directory on first
 * start; the public half is published so anyone can check a receipt without asking Consento.
 */
public final class ReceiptSigner {
    private final ECKey key;

    private ReceiptSigner(ECKey key) {
        this.key = key;
    }

    public static ReceiptSigner open(Path dataDir) {
        Path file = dataDir.resolve("keys/receipt-signing.jwk.json");
        try {
            if (Files.exists(file)) {
                return new ReceiptSigner(ECKey.parse(Files.readString(file)));
            }
            Files.createDirectories(file.getParent());
            ECKey generated = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
            Files.writeString(file, generated.toJSONString());
            return new ReceiptSigner(generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the receipt signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("receipt signing key is unusable: " + file, e);
        }
    }

    String sign(Map<String, Object> claims) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JOSE).build(), new Payload(claims));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign receipt", e);
        }
    }

    public Map<String, Object> publicJwk() {
        return key.toPublicJWK().toJSONObject();
    }
}
