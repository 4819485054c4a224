package com.mallservicedesk.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.console.WebConsoleApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Production sign-in goes through the identity provider: without one configured the console refuses to start. */
class StartupTest {

    @Test
    void refusesToStartOutsideTheLocalAndTestProfilesWithoutAnIssuer() {
        assertThatThrownBy(() -> start("production")).hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("CONSOLE_OIDC_ISSUER_URI");
        assertThatThrownBy(() -> start()).hasStackTraceContaining("Refusing to start");
    }

    @Test
    void startsInTheTestProfileWithoutDevelopmentSignIn() {
        try (ConfigurableApplicationContext context = start("test")) {
            assertThat(context.getBeanNamesForType(com.mallservicedesk.console.session.SignInMethod.class))
                    .as("no way to mint tokens outside the local profile").isEmpty();
        }
    }

    private static ConfigurableApplicationContext start(String... profiles) {
        return new SpringApplicationBuilder(WebConsoleApplication.class).profiles(profiles)
                .run("--server.port=0", "--spring.main.banner-mode=off");
    }
}
