package com.mallservicedesk.console.session;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the server keeps for a signed-in browser: the user, the bearer token relayed to the services, when it expires
 * (the session's absolute end) and the token a state-changing call must repeat in its {@code X-CSRF-Token} header.
 * The browser never sees the bearer token.
 */
public record ConsoleSession(ConsoleUser user, String accessToken, Instant expiresAt, String csrfToken,
                             String signedInWith) implements Serializable {

    public boolean isOver(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
