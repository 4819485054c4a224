package com.mallservicedesk.console.oidc;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through the identity provider with OpenID Connect (authorization code with PKCE). The provider's access
 * token is what the console relays to the services, so it must carry the platform's claims ({@code malls},
 * {@code roles}, {@code dept}), its issuer and the {@code mall-service-desk} audience the services require.
 *
 * @param issuerUri      the provider's issuer ({@code CONSOLE_OIDC_ISSUER_URI}); its discovery document is read at
 *                       start; required outside the local and test profiles
 * @param clientId       the console's client id at the provider
 * @param clientSecret   its secret ({@code CONSOLE_OIDC_CLIENT_SECRET}); empty for a public client
 * @param scopes         scopes to ask for
 * @param registrationId the name in the sign-in address {@code /oauth2/authorization/<id>}
 */
@ConfigurationProperties("console.oidc")
public record OidcProperties(String issuerUri, String clientId, String clientSecret,
                             @DefaultValue("openid,profile") List<String> scopes,
                             @DefaultValue("idp") String registrationId) {

    public OidcProperties {
        // "openid,profile" or "openid profile" from an environment variable: one scope each.
        scopes = scopes == null ? List.of("openid") : scopes.stream()
                .flatMap(scope -> java.util.Arrays.stream(scope.split("[,\\s]+"))).filter(s -> !s.isBlank()).toList();
    }

    public boolean configured() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
