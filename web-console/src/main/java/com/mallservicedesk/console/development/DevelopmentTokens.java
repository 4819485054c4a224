package com.mallservicedesk.console.development;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mints HS256 tokens signed with the development secret, with the claims of the platform contract ({@code sub},
 * {@code name}, {@code malls}, {@code roles}, {@code dept}, {@code aud}, {@code iat}, {@code exp}): the same tokens
 * {@code deploy/dev-token.sh} gives. Used only by the local profile's sign-in; production tokens come from the
 * identity provider.
 */
final class DevelopmentTokens {

    static final String AUDIENCE = "mall-service-desk";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DevelopmentTokens() {
    }

    static String mint(String secret, String subject, String name, List<String> malls, List<String> roles,
                       String department, Instant issuedAt, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("name", name);
        claims.put("malls", malls);
        claims.put("roles", roles);
        if (department != null) {
            claims.put("dept", department);
        }
        claims.put("aud", AUDIENCE);
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
