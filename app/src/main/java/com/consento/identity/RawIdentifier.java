package com.consento.identity;

import com.consento.shared.Problems;
import java.util.ArrayList;
import java.util.List;

/** An identifier as a channel sent it, before normalisation. */
public record RawIdentifier(String type, String value) {

    /** Normalises every identifier, reporting each bad one under {@code pointer}/i. */
    public static List<Identifier> parseAll(List<RawIdentifier> raw, String pointer, Problems problems) {
        List<Identifier> parsed = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            problems.add(pointer, "at least one identifier is required, e.g. {\"type\": \"phone\", \"value\": \"+8613800138000\"}");
            return parsed;
        }
        for (int i = 0; i < raw.size(); i++) {
            RawIdentifier r = raw.get(i);
            IdentifierType type = r == null ? null : IdentifierType.ofCode(r.type());
            if (type == null) {
                problems.add(pointer + "/" + i + "/type", "unknown identifier type '" + (r == null ? null : r.type())
                        + "': member, phone, email, wechat_openid, wechat_unionid, alipay_uid or device");
                continue;
            }
            try {
                parsed.add(IdentifierNormaliser.normalise(type, r.value()));
            } catch (IllegalArgumentException e) {
                problems.add(pointer + "/" + i + "/value", e.getMessage());
            }
        }
        return parsed;
    }
}
