package com.mallservicedesk.platform.apidocs;

import com.mallservicedesk.platform.security.PlatformUser;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Every service publishes its OpenAPI 3.1 document at {@code /v3/api-docs}, open without a token like a health probe:
 * the bearer JWT scheme, the problem responses every operation can give and the platform's headers are added here, so
 * controllers describe only what is theirs. The browsable UI ({@code /swagger-ui.html}) exists only in the
 * {@code local} profile.
 */
// Before springdoc's UI configuration: its condition reads springdoc.swagger-ui.enabled, which the profile decides here.
@AutoConfiguration(beforeName = "org.springdoc.webflux.ui.SwaggerConfig")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@PropertySource("classpath:com/mallservicedesk/platform/apidocs/api-docs.properties")
public class ApiDocsAutoConfiguration {

    static {
        // The caller comes from the token, not from the request: not a parameter a client sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PlatformUser.class);
    }

    static final String[] DOCUMENT_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI platformOpenApi(@Value("${spring.application.name}") String application) {
        return PlatformApiDocument.base(application);
    }

    @Bean
    OpenApiCustomizer platformOperations() {
        return new PlatformOperations();
    }

    /**
     * The document and the UI need no token. A chain of its own, ahead of the platform's, so the platform's rules stay
     * as they are for everything else.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain apiDocumentSecurity(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(DOCUMENT_PATHS))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /** Without the local profile the UI is off: production serves the document only. */
    @Configuration(proxyBeanMethods = false)
    @Profile("!local")
    @PropertySource("classpath:com/mallservicedesk/platform/apidocs/swagger-ui-off.properties")
    static class SwaggerUiOffOutsideLocal {
    }
}
