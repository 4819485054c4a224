package com.mallservicedesk.e2e.fuzz;

import com.mallservicedesk.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens the fuzzer uses: a good one for each mall with every role (so requests get past the role checks and reach
 * validation), and the bad ones the contract turns away with 401 or 403.
 */
final class FuzzTokens {

    static final List<String> ALL_ROLES = List.of("FRONT_DESK", "DEPT_STAFF", "SUPERVISOR", "MANAGER", "PLATFORM_ADMIN");
    /** Minted once per run, so the same case sends the same token however often it is derived. */
    private static final long VALID = 4 * 3600;
    private static final Map<String, String> MINTED = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, String>> BAD = new ConcurrentHashMap<>();
    private static final String OTHER_SECRET = "not-the-platform-secret-but-long-enough-for-hs256!";

    private FuzzTokens() {
    }

    /** Every role in one mall, as staff of the department work orders go to by default. */
    static String everyRole(String mallId) {
        return MINTED.computeIfAbsent("every-role " + mallId,
                k -> mint(TestTokens.DEVELOPMENT_SECRET, claims("fuzz-" + mallId, List.of(mallId), VALID), "HS256"));
    }

    static String platformOperator() {
        return MINTED.computeIfAbsent("operator",
                k -> mint(TestTokens.DEVELOPMENT_SECRET, claims("fuzz-operator", List.of("*"), VALID), "HS256"));
    }

    /** The bad Authorization headers, by label: each must be answered 401 (or 403 for a good token of another mall). */
    static Map<String, String> badAuthorizations(String mallId, String otherMallId) {
        return BAD.computeIfAbsent(mallId + " " + otherMallId, k -> Collections.unmodifiableMap(minted(mallId, otherMallId)));
    }

    private static Map<String, String> minted(String mallId, String otherMallId) {
        Map<String, String> bad = new LinkedHashMap<>();
        String good = everyRole(mallId);
        bad.put("no-token", null);
        bad.put("empty-bearer", "Bearer ");
        bad.put("garbage", "Bearer not.a.jwt");
        bad.put("basic", "Basic ZnV6ejpmdXp6");
        bad.put("wrong-signature", "Bearer " + mint(OTHER_SECRET, claims("fuzz-" + mallId, List.of(mallId), VALID), "HS256"));
        bad.put("tampered-signature", "Bearer " + good.substring(0, good.length() - 6) + (good.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"));
        bad.put("expired", "Bearer " + mint(TestTokens.DEVELOPMENT_SECRET, claims("fuzz-" + mallId, List.of(mallId), -7200), "HS256"));
        Map<String, Object> noExpiry = claims("fuzz-" + mallId, List.of(mallId), VALID);
        noExpiry.remove("exp");
        bad.put("no-expiry", "Bearer " + mint(TestTokens.DEVELOPMENT_SECRET, noExpiry, "HS256"));
        Map<String, Object> wrongAudience = claims("fuzz-" + mallId, List.of(mallId), VALID);
        wrongAudience.put("aud", "another-system");
        bad.put("wrong-audience", "Bearer " + mint(TestTokens.DEVELOPMENT_SECRET, wrongAudience, "HS256"));
        bad.put("alg-none", "Bearer " + unsigned(claims("fuzz-" + mallId, List.of(mallId), VALID)));
        bad.put("other-mall", "Bearer " + everyRole(otherMallId));
        Map<String, Object> noMalls = claims("fuzz-" + mallId, List.of(mallId), VALID);
        noMalls.put("malls", "not-a-list");
        bad.put("malls-not-a-list", "Bearer " + mint(TestTokens.DEVELOPMENT_SECRET, noMalls, "HS256"));
        bad.put("oversize-token", "Bearer " + "A".repeat(6_000));
        return bad;
    }

    private static Map<String, Object> claims(String subject, List<String> malls, long validSeconds) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("name", subject);
        claims.put("malls", malls);
        claims.put("roles", ALL_ROLES);
        claims.put("dept", "CUSTOMER_SERVICE");
        claims.put("aud", "mall-service-desk");
        claims.put("iat", now - Math.max(0, -validSeconds) - 60);
        claims.put("exp", now + validSeconds);
        return claims;
    }

    private static String mint(String secret, Map<String, Object> claims, String algorithm) {
        String input = base64(ApiDocument.JSON.writeValueAsBytes(Map.of("alg", algorithm, "typ", "JWT"))) + "."
                + base64(ApiDocument.JSON.writeValueAsBytes(claims));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + base64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(Map<String, Object> claims) {
        return base64(ApiDocument.JSON.writeValueAsBytes(Map.of("alg", "none", "typ", "JWT"))) + "."
                + base64(ApiDocument.JSON.writeValueAsBytes(claims)) + ".";
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
