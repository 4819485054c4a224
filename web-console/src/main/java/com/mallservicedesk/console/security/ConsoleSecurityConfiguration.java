package com.mallservicedesk.console.security;

import com.mallservicedesk.console.oidc.OidcProperties;
import com.mallservicedesk.console.oidc.OidcSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;

/**
 * Spring Security runs only the identity provider's sign-in (OIDC) and sets the browser's security headers. Access is
 * decided elsewhere: the console's {@code SessionGuard} requires a session (and its CSRF token on changes) for the
 * relay, and the services decide what the token may do.
 * <p>
 * Outside the {@code local} and {@code test} profiles the console refuses to start without an identity provider:
 * otherwise nobody could sign in, and nothing must tempt an operator to turn development sign-in on.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ConsoleSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            // ECharts positions its tooltip with inline styles.
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, ObjectProvider<OidcSignIn> oidc,
                                           OidcProperties properties, Environment environment) {
        refuseWithoutIdentityProvider(properties, environment);
        http
                // The console's own check: a per-session token in X-CSRF-Token on every state-changing call.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN))
                        // Static files are revalidated by Boot's resource handling; API answers say no-store themselves.
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable));
        oidc.ifAvailable(signIn -> http.oauth2Login(signIn::configure));
        return http.build();
    }

    static void refuseWithoutIdentityProvider(OidcProperties properties, Environment environment) {
        if (!properties.configured() && !environment.acceptsProfiles(Profiles.of("local", "test"))) {
            throw new IllegalStateException("Refusing to start: the console needs an identity provider to sign people "
                    + "in. Set CONSOLE_OIDC_ISSUER_URI, CONSOLE_OIDC_CLIENT_ID and CONSOLE_OIDC_CLIENT_SECRET "
                    + "(production), or run with the 'local' profile for development sign-in");
        }
    }
}
