package com.mallservicedesk.platform.security;

import com.mallservicedesk.platform.problem.ProblemWriter;
import java.nio.charset.StandardCharsets;
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
import org.springframework.security.oauth2.jwt.JwtValidators;
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
 * role checks per endpoint with {@code @PreAuthorize}. Health and metrics stay open for probes and
 * Prometheus.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityConfiguration {

    @Bean
    SecurityWebFilterChain platformSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder, ProblemWriter problems) {
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
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
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
        NimbusReactiveJwtDecoder decoder = hasText(properties.jwkSetUri())
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                : secretDecoder(properties);
        // Expiry is always checked; the issuer too when one is configured (production identity providers).
        decoder.setJwtValidator(hasText(properties.issuer())
                ? JwtValidators.createDefaultWithIssuer(properties.issuer())
                : JwtValidators.createDefault());
        return decoder;
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
