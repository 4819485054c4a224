package com.mallservicedesk.console.development;

import com.mallservicedesk.console.session.ConsoleSessions;
import com.mallservicedesk.console.session.ConsoleUser;
import com.mallservicedesk.console.session.Problems;
import com.mallservicedesk.console.session.SignInMethod;
import com.mallservicedesk.platform.devtokens.DevelopmentTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Local sign-in: pick one of the development users and the console mints a development token for them, as
 * {@code deploy/dev-token.sh} would. Exists only in the {@code local} profile: a console started any other way has no
 * such endpoint and cannot mint tokens.
 */
@Profile("local")
@RestController
class DevelopmentSignIn implements SignInMethod {

    record Choice(String user) {
    }

    record Listed(String id, String name, List<String> roles, String department, List<String> malls) {
    }

    private final DevelopmentProperties properties;
    private final ConsoleSessions sessions;

    DevelopmentSignIn(DevelopmentProperties properties, ConsoleSessions sessions) {
        if (properties.secret() == null || properties.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("console.development.secret (PLATFORM_JWT_SECRET) must be at least 32 bytes");
        }
        this.properties = properties;
        this.sessions = sessions;
    }

    @Override
    public String kind() {
        return "development";
    }

    @Override
    public Object details() {
        return Map.of("users", properties.users().stream()
                .map(u -> new Listed(u.id(), u.name(), u.roles(), u.department(), mallsOf(u))).toList());
    }

    @PostMapping("/console/development/sign-in")
    Mono<ResponseEntity<Object>> signIn(@RequestBody Choice choice, ServerWebExchange exchange) {
        Optional<DevelopmentProperties.User> user = properties.users().stream()
                .filter(u -> u.id().equals(choice.user())).findFirst();
        if (user.isEmpty()) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "development-user-unknown",
                    "没有这个开发用户 / No such development user", String.valueOf(choice.user())).then(Mono.empty());
        }
        DevelopmentProperties.User u = user.get();
        Instant now = sessions.now();
        Instant expiresAt = now.plus(properties.tokenValidity());
        String token = DevelopmentTokens.mint(properties.secret(), u.id(), u.name(), mallsOf(u), u.roles(),
                u.department(), now, expiresAt);
        return sessions.start(exchange, new ConsoleUser(u.id(), u.name(), mallsOf(u), u.roles(), u.department()),
                        token, expiresAt, kind())
                .map(console -> ResponseEntity.noContent().build());
    }

    private List<String> mallsOf(DevelopmentProperties.User user) {
        return user.malls() == null || user.malls().isEmpty() ? properties.malls() : user.malls();
    }
}
