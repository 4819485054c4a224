package com.mallservicedesk.console.oidc;

import com.mallservicedesk.console.session.ConsoleSessions;
import com.mallservicedesk.console.session.ConsoleUser;
import com.mallservicedesk.console.session.SignInMethod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in through the identity provider (production): OpenID Connect authorization code flow with PKCE, handled by
 * Spring Security. On success the provider's access token and its expiry become the console session; the services
 * check that token themselves. Present only when an issuer is configured.
 */
@Component
@Conditional(IssuerConfigured.class)
public class OidcSignIn implements SignInMethod {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OidcProperties properties;
    private final ConsoleSessions sessions;
    private final InMemoryReactiveClientRegistrationRepository registrations;
    private final ServerOAuth2AuthorizedClientRepository authorizedClients =
            new WebSessionServerOAuth2AuthorizedClientRepository();
    private final StateBoundAuthorizationRequests authorizationRequests;
    private final DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    OidcSignIn(OidcProperties properties, ConsoleSessions sessions, Clock clock,
               @Value("${server.reactive.session.cookie.secure:true}") boolean secureCookies) {
        this.properties = properties;
        this.sessions = sessions;
        // Reads the provider's discovery document: a console that cannot reach its provider does not start half-way.
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(properties.registrationId())
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret() == null ? "" : properties.clientSecret())
                .scope(properties.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        this.registrations = new InMemoryReactiveClientRegistrationRepository(registration);
        this.authorizationRequests = new StateBoundAuthorizationRequests(clock, secureCookies);
    }

    @Override
    public String kind() {
        return "oidc";
    }

    @Override
    public Object details() {
        return Map.of("url", "/oauth2/authorization/" + properties.registrationId());
    }

    public void configure(ServerHttpSecurity.OAuth2LoginSpec login) {
        // PKCE for this confidential client too: a stolen authorization code is useless without the verifier.
        var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        login.clientRegistrationRepository(registrations)
                .authorizationRequestResolver(resolver)
                .authorizedClientRepository(authorizedClients)
                .authorizationRequestRepository(authorizationRequests)
                .authenticationSuccessHandler(this::signedIn)
                .authenticationFailureHandler((exchange, e) ->
                        redirects.sendRedirect(exchange.getExchange(), URI.create("/?signInFailed")));
    }

    private Mono<Void> signedIn(WebFilterExchange webExchange, Authentication authentication) {
        var exchange = webExchange.getExchange();
        OAuth2AuthenticationToken oauth = (OAuth2AuthenticationToken) authentication;
        return authorizedClients.loadAuthorizedClient(oauth.getAuthorizedClientRegistrationId(), oauth, exchange)
                .switchIfEmpty(Mono.error(new IllegalStateException("No authorized client after sign-in")))
                .flatMap(client -> {
                    OAuth2AccessToken token = client.getAccessToken();
                    if (token.getExpiresAt() == null) {
                        return Mono.error(new IllegalStateException("The provider's access token has no expiry"));
                    }
                    Map<String, Object> idClaims = oauth.getPrincipal() instanceof OidcUser oidc ? oidc.getClaims() : Map.of();
                    ConsoleUser user = userOf(claimsOf(token.getTokenValue()), idClaims);
                    return sessions.start(exchange, user, token.getTokenValue(), token.getExpiresAt(), kind());
                })
                .then(redirects.sendRedirect(exchange, URI.create("/")));
    }

    /** The platform's claims as the services will read them: the access token's first, the ID token's otherwise. */
    static ConsoleUser userOf(Map<String, Object> access, Map<String, Object> id) {
        return new ConsoleUser(text(access, id, "sub"), firstText(access, id, "name", "preferred_username", "sub"),
                list(access, id, "malls"), list(access, id, "roles"), text(access, id, "dept"));
    }

    /** The payload of a JWT access token, unverified: only to lay out the pages; the services verify the token. */
    static Map<String, Object> claimsOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = JSON.readValue(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), Map.class);
            return claims;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String text(Map<String, Object> first, Map<String, Object> second, String name) {
        Object value = first.containsKey(name) ? first.get(name) : second.get(name);
        return value == null ? null : value.toString();
    }

    private static String firstText(Map<String, Object> first, Map<String, Object> second, String... names) {
        for (String name : names) {
            String value = text(first, second, name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static List<String> list(Map<String, Object> first, Map<String, Object> second, String name) {
        Object value = first.containsKey(name) ? first.get(name) : second.get(name);
        if (value instanceof List<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
