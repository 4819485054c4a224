package com.mallservicedesk.platform.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/** Lets a call under {@code /api/v1/malls/{mallId}/**} through only if the token's {@code malls} names that mall. */
class MallAccessAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        Object mallId = context.getVariables().get("mallId");
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(auth -> auth.getPrincipal() instanceof Jwt jwt
                        && mallId != null && PlatformUser.from(jwt).mayActIn(mallId.toString()))
                .defaultIfEmpty(false)
                .map(granted -> (AuthorizationResult) new AuthorizationDecision(granted));
    }
}
