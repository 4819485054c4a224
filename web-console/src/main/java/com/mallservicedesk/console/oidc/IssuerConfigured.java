package com.mallservicedesk.console.oidc;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Sign-in through the identity provider is set up only when an issuer is configured (not merely present but empty). */
class IssuerConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String issuer = context.getEnvironment().getProperty("console.oidc.issuer-uri");
        return issuer != null && !issuer.isBlank();
    }
}
