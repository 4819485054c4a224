package com.mallservicedesk.platform.security;

import com.mallservicedesk.platform.problem.ProblemWriter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * 403 for both denials, told apart by their code: {@code mall-forbidden} when the token does not name the
 * mall in the path, {@code forbidden} when the mall is fine but the role may not do this.
 */
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private static final PathPattern MALL_PATH = PathPatternParser.defaultInstance.parse("/api/v1/malls/{mallId}/**");

    private final ProblemWriter problems;

    ProblemAccessDeniedHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        var match = MALL_PATH.matchAndExtract(exchange.getRequest().getPath().pathWithinApplication());
        return exchange.getPrincipal()
                .map(principal -> match != null && principal instanceof Authentication auth
                        && auth.getPrincipal() instanceof Jwt jwt
                        && !PlatformUser.from(jwt).mayActIn(match.getUriVariables().get("mallId")))
                .defaultIfEmpty(false)
                .flatMap(mallDenied -> problems.write(exchange, HttpStatus.FORBIDDEN,
                        mallDenied ? "mall-forbidden" : "forbidden", new Object[0], Map.of()));
    }
}
