package com.consento.channels;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the web SDK needs to know about API keys, implemented where the keys live (platform), so that channels
 * never depends on platform: whether a key may record consent and which browser origins may use it.
 */
public interface SiteKeys {

    /** An active key as a web page may use it: its id, whether it may record consent, and its origins. */
    record SiteKey(String id, boolean writesConsent, boolean admin, Set<String> allowedOrigins) {

        public boolean allows(String origin) {
            String o = normaliseOrigin(origin);
            return o != null && allowedOrigins.contains(o);
        }
    }

    /** The active key with this secret, if any. */
    Optional<SiteKey> siteKey(String key);

    /**
     * Makes a {@code consent:write} key known for this run only (never stored), e.g. the demo site's key,
     * which is derived from the installation's secret and so is the same on every node and every start.
     */
    void registerTransientSiteKey(String name, String key, List<String> allowedOrigins);

    /**
     * An origin as browsers send it ({@code scheme://host[:port]}, lower case, default port omitted), or null
     * when the text is not an http(s) origin.
     */
    static String normaliseOrigin(String origin) {
        if (origin == null || origin.isBlank() || origin.length() > 300) {
            return null;
        }
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                    || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
