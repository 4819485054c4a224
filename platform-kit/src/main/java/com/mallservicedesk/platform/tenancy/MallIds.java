package com.mallservicedesk.platform.tenancy;

import java.util.Map;
import java.util.regex.Pattern;
import com.mallservicedesk.platform.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A mall id is a short code of letters, digits, '-' and '_'. Services build keys such as {@code <mall>:<n>} and
 * {@code <mall>|<month>} from it, so a ':' or '|' in a path's mall id could reach another mall's records; such a
 * path is refused with 400 before anything reads it.
 */
public class MallIds implements WebFilter, Ordered {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final String PREFIX = "/api/v1/malls/";

    private final ProblemWriter problems;

    public MallIds(ProblemWriter problems) {
        this.problems = problems;
    }

    public static boolean valid(String mallId) {
        return mallId != null && PATTERN.matcher(mallId).matches();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith(PREFIX)) {
            String rest = path.substring(PREFIX.length());
            int slash = rest.indexOf('/');
            String raw = slash < 0 ? rest : rest.substring(0, slash);
            // The path is still percent-encoded here: an encoded character never matches the pattern.
            if (!valid(raw)) {
                return problems.write(exchange, HttpStatus.BAD_REQUEST, "mall-id-invalid", new Object[0], Map.of());
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // Before Spring Security: a malformed mall id is a bad request whoever asks.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
