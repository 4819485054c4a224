package com.mallservicedesk.localplatform;

import com.mallservicedesk.platform.devtokens.DevelopmentTokens;
import com.mallservicedesk.platform.security.Role;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints a development token (HS256, signed with the development secret the services accept locally), for calling
 * the services of the local platform with curl or an HTTP client.
 */
public final class DevTokenCommand {

    static final String SECRET_VARIABLE = "PLATFORM_JWT_SECRET";
    /** The same default the services use (platform-kit's platform/defaults.properties). */
    static final String DEFAULT_SECRET = "mall-service-desk-development-secret-do-not-use-in-production";
    static final int DEFAULT_HOURS = 12;

    private static final Set<String> OPTIONS = Set.of("--user", "--name", "--malls", "--roles", "--dept", "--hours");

    private DevTokenCommand() {
    }

    /** What to put into the token. */
    record TokenRequest(String user, String name, List<String> malls, List<String> roles, String department,
                        Duration validFor) {

        String mint(String secret) {
            return DevelopmentTokens.mint(secret, user, name, malls, roles, department, validFor);
        }
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(usage());
            return;
        }
        TokenRequest request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dev-token: " + e.getMessage());
            System.err.println();
            System.err.print(usage());
            System.exit(2);
            return;
        }
        System.out.println(request.mint(secret(System.getenv())));
    }

    static String secret(Map<String, String> environment) {
        String secret = environment.get(SECRET_VARIABLE);
        return secret == null || secret.isBlank() ? DEFAULT_SECRET : secret;
    }

    static TokenRequest parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            if (values.put(option, value.strip()) != null) {
                throw new IllegalArgumentException(option + " is given more than once");
            }
        }
        String user = required(values, "--user");
        List<String> malls = list(required(values, "--malls"), "--malls");
        List<String> roles = roles(required(values, "--roles"));
        return new TokenRequest(user, values.getOrDefault("--name", user), malls, roles, values.get("--dept"),
                Duration.ofHours(hours(values.get("--hours"))));
    }

    private static String required(Map<String, String> values, String option) {
        String value = values.get(option);
        if (value == null) {
            throw new IllegalArgumentException(option + " is required");
        }
        return value;
    }

    private static List<String> list(String commaSeparated, String option) {
        List<String> items = Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
        if (items.isEmpty() || items.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(option + " takes a comma-separated list without empty entries, got '"
                    + commaSeparated + "'");
        }
        return items;
    }

    private static List<String> roles(String commaSeparated) {
        List<String> roles = list(commaSeparated, "--roles");
        Set<String> known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        List<String> unknown = roles.stream().filter(role -> !known.contains(role)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown role" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; valid roles are " + Arrays.stream(Role.values())
                    .map(Role::name).collect(Collectors.joining(", ")));
        }
        return roles;
    }

    private static long hours(String value) {
        if (value == null) {
            return DEFAULT_HOURS;
        }
        try {
            long hours = Long.parseLong(value);
            if (hours > 0) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--hours takes a positive whole number, got '" + value + "'");
    }

    static String usage() {
        return """
                Usage: deploy/dev-token.sh --user <id> --malls <M001,M002> --roles <ROLE,...>
                                           [--name <display name>] [--dept <department>] [--hours <n>]

                Prints a development token for the local platform's services, e.g.
                  curl -H "Authorization: Bearer $(deploy/dev-token.sh --user alice --name 'Alice' \\
                       --malls M001,M002 --roles FRONT_DESK,SUPERVISOR)" http://127.0.0.1:8081/...

                  --user    subject (sub claim), required
                  --name    display name (default: the user)
                  --malls   malls the user may act in, comma-separated, required
                  --roles   comma-separated, required; any of FRONT_DESK, DEPT_STAFF, SUPERVISOR, MANAGER,
                            PLATFORM_ADMIN
                  --dept    department (dept claim), e.g. ENGINEERING
                  --hours   validity in hours (default: 12)

                The token is signed with PLATFORM_JWT_SECRET (default: the services' development secret).
                """;
    }
}
