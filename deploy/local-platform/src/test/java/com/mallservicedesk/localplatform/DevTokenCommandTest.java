package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.mallservicedesk.localplatform.DevTokenCommand.TokenRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevTokenCommandTest {

    @Test
    void parsesEveryOption() {
        TokenRequest request = DevTokenCommand.parse(new String[] {"--user", "alice", "--name", "Alice Chen",
                "--malls", "M001, M002", "--roles", "FRONT_DESK,SUPERVISOR", "--dept", "ENGINEERING", "--hours", "3"});

        assertThat(request).isEqualTo(new TokenRequest("alice", "Alice Chen", List.of("M001", "M002"),
                List.of("FRONT_DESK", "SUPERVISOR"), "ENGINEERING", Duration.ofHours(3)));
    }

    @Test
    void appliesDefaultsAndAcceptsOptionEqualsValue() {
        TokenRequest request = DevTokenCommand.parse(new String[] {"--user=bob", "--malls=M001", "--roles=MANAGER"});

        assertThat(request.name()).isEqualTo("bob");
        assertThat(request.department()).isNull();
        assertThat(request.validFor()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void rejectsUnknownRolesNamingTheValidOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DevTokenCommand.parse(new String[] {"--user", "a", "--malls", "M001",
                        "--roles", "FRONT_DESK,BOSS"}))
                .withMessage("unknown role BOSS; valid roles are FRONT_DESK, DEPT_STAFF, SUPERVISOR, MANAGER, "
                        + "PLATFORM_ADMIN");
    }

    @Test
    void rejectsMissingRequiredOptions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DevTokenCommand.parse(new String[] {"--user", "a", "--roles", "MANAGER"}))
                .withMessage("--malls is required");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DevTokenCommand.parse(new String[] {"--malls", "M1", "--roles", "MANAGER"}))
                .withMessage("--user is required");
    }

    @Test
    void rejectsMalformedInput() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DevTokenCommand.parse(new String[] {"--usr", "a"}))
                .withMessage("unknown option --usr");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DevTokenCommand.parse(new String[] {"--user"}))
                .withMessage("--user needs a value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DevTokenCommand.parse(new String[] {"--user", "a", "--user", "b"}))
                .withMessage("--user is given more than once");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DevTokenCommand.parse(new String[] {"--user", "a", "--malls", "M1,,M2",
                        "--roles", "MANAGER"}))
                .withMessageContaining("--malls takes a comma-separated list");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DevTokenCommand.parse(new String[] {"--user", "a", "--malls", "M1",
                        "--roles", "MANAGER", "--hours", "0"}))
                .withMessage("--hours takes a positive whole number, got '0'");
    }

    @Test
    void secretComesFromTheEnvironmentWithTheServicesDefault() {
        assertThat(DevTokenCommand.secret(Map.of())).isEqualTo(
                "mall-service-desk-development-secret-do-not-use-in-production");
        assertThat(DevTokenCommand.secret(Map.of("PLATFORM_JWT_SECRET", "another-secret-of-at-least-32-bytes!")))
                .isEqualTo("another-secret-of-at-least-32-bytes!");
    }

    @Test
    void mintsASignedTokenCarryingTheClaims() {
        String token = DevTokenCommand.parse(new String[] {"--user", "alice", "--malls", "M001",
                "--roles", "DEPT_STAFF", "--dept", "ENGINEERING"}).mint(DevTokenCommand.DEFAULT_SECRET);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"alice\"", "\"malls\":[\"M001\"]", "\"roles\":[\"DEPT_STAFF\"]",
                "\"dept\":\"ENGINEERING\"");
    }
}
