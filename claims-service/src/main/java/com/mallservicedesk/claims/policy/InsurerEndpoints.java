package com.mallservicedesk.claims.policy;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which insurer endpoints a mall may store: only {@code https}, because the report carries personal data and the
 * credential. Tests and the local platform may allow plain {@code http} to the loopback address, where the stub runs.
 */
@Component
class InsurerEndpoints {

    private final boolean allowInsecureLoopback;

    InsurerEndpoints(@Value("${claims.insurer.allow-insecure-loopback:false}") boolean allowInsecureLoopback) {
        this.allowInsecureLoopback = allowInsecureLoopback;
    }

    /** @return null if the endpoint is acceptable, else the constraint code it breaks */
    String problemWith(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return "not-a-url";
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return "not-a-url";
        }
        // Credentials belong in the credential field, never in a URL that might be logged or shown.
        if (uri.getRawUserInfo() != null) {
            return "credentials-in-url";
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return null;
        }
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equalsIgnoreCase(uri.getHost());
        if ("http".equalsIgnoreCase(uri.getScheme()) && loopback && allowInsecureLoopback) {
            return null;
        }
        return "https-required";
    }
}
