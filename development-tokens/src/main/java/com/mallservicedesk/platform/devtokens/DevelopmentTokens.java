package com.mallservicedesk.platform.devtokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mints HS256 tokens signed with the development secret, for local use and tests. Production tokens
 * come from the identity provider behind the JWK set URI; nothing in the services calls this.
 */
public final class DevelopmentTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DevelopmentTokens() {
    }

    public static String mint(String secret, String subject, String name, List<String> malls, List<String> roles,
                              String department, Duration validFor) {
        Instant now = Instant.now();
        return mint(secret, subject, name, malls, roles, department, now, now.plus(validFor));
    }

    /** With the issue and expiry times given, for a caller that keeps its own clock (the console's sessions). */
    public static String mint(String secret, String subject, String name, List<String> malls, List<String> roles,
                              String department, Instant issuedAt, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("name", name);
        claims.put("malls", malls);
        claims.put("roles", roles);
        if (department != null) {
            claims.put("dept", department);
        }
        claims.put("aud", "mall-service-desk");
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        String signingInput = base64(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT"))) + "."
                + base64(JSON.writeValueAsBytes(claims));
        return signingInput + "." + base64(hmac(secret, signingInput));
    }

    private static byte[] hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
