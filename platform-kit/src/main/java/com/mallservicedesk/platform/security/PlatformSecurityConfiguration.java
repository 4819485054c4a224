package com.mallservicedesk.platform.security;

import com.mallservicedesk.platform.observability.ManagementPort;
import com.mallservicedesk.platform.problem.ProblemWriter;
import org.springframework.core.env.Environment;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * JWT resource server per the platform contract: no or bad token 401, a mall not in {@code malls} 403,
 * role checks per endpoint with {@code @PreAuthorize}. The health status stays open on the service port for
 * probes; metrics and health details are open only on the management port, which listens on loopback.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityConfiguration {

    @Bean
    SecurityWebFilterChain platformSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder, ProblemWriter problems,
                                            Environment environment) {
        var roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        var authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/health", "/livez", "/readyz").permitAll()
                        // The management port is reachable only from loopback or the operators' network.
                        .matchers(exchange -> ManagementPort.received(exchange, environment)
                                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch())
                        .permitAll()
                        .pathMatchers("/api/v1/malls/{mallId}", "/api/v1/malls/{mallId}/**").access(new MallAccessAuthorizationManager())
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(authentication)))
                        .authenticationEntryPoint((exchange, e) ->
                                problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", new Object[0], Map.of())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) ->
                                problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", new Object[0], Map.of()))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                .build();
    }

    @Bean
    ReactiveJwtDecoder platformJwtDecoder(PlatformSecurityProperties properties) {
        if (!properties.development() && !hasText(properties.issuer())) {
            throw new IllegalStateException("Refusing to start: tokens need a trusted issuer. Set PLATFORM_JWK_SET_URI and "
                    + "PLATFORM_JWT_ISSUER (production), or run with the 'local' profile for development");
        }
        NimbusReactiveJwtDecoder decoder = hasText(properties.jwkSetUri())
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                : secretDecoder(properties);
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /** Expiry is required and checked with a small skew; issuer when configured; audience as the contract says. */
    static OAuth2TokenValidator<Jwt> validator(PlatformSecurityProperties properties) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtTimestampValidator(properties.clockSkew()));
        checks.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        if (hasText(properties.issuer())) {
            checks.add(new JwtIssuerValidator(properties.issuer()));
        }
        String audience = properties.audience();
        var wrongAudience = new OAuth2Error("invalid_token", "The aud claim is not valid", null);
        checks.add(jwt -> {
            List<String> aud = jwt.getAudience();
            boolean ok = aud == null || aud.isEmpty() ? properties.development() : aud.contains(audience);
            return ok ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(wrongAudience);
        });
        return new DelegatingOAuth2TokenValidator<>(checks);
    }

    private static NimbusReactiveJwtDecoder secretDecoder(PlatformSecurityProperties properties) {
        byte[] secret = properties.jwtSecret() == null ? new byte[0] : properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("platform.security.jwt-secret (PLATFORM_JWT_SECRET) must be at least 32 bytes, "
                    + "or set platform.security.jwk-set-uri");
        }
        return NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Bean
    WebFluxConfigurer platformUserArgument() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new PlatformUserArgumentResolver());
            }
        };
    }
}
