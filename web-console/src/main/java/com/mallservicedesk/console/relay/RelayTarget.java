package com.mallservicedesk.console.relay;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns {@code /console-api/{service}/{rest}} into {@code <service base>/api/v1/{rest}}. The rest is kept as the
 * browser encoded it, but a path that could climb out of {@code /api/v1/} (dot segments, encoded slashes or dots,
 * backslashes) is refused rather than normalised.
 */
record RelayTarget(String service, URI base, URI uri) {

    static final String PREFIX = "/console-api/";

    static Optional<RelayTarget> of(String rawPath, String rawQuery, ServiceRoutes routes) {
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String remainder = rawPath.substring(PREFIX.length());
        int slash = remainder.indexOf('/');
        if (slash <= 0 || slash == remainder.length() - 1) {
            return Optional.empty();
        }
        String service = remainder.substring(0, slash);
        String rest = remainder.substring(slash + 1);
        if (!safe(rest)) {
            return Optional.empty();
        }
        return routes.baseOf(service).map(base -> {
            String baseText = base.toString().replaceAll("/+$", "");
            String query = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
            return new RelayTarget(service, base, URI.create(baseText + "/api/v1/" + rest + query));
        });
    }

    private static boolean safe(String rest) {
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("\\")
                || lower.contains("//")) {
            return false;
        }
        for (String segment : rest.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The service's own address of this API, to point its {@code Link} and {@code Location} headers at the relay. */
    String serviceApiPrefix() {
        return base.toString().replaceAll("/+$", "") + "/api/v1/";
    }

    String relayPrefix() {
        return PREFIX + service + "/";
    }
}
