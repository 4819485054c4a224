package com.mallservicedesk.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.deploycheck.Repo.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The image rules, checked on the Dockerfiles because no Docker engine runs where the tests do: one Dockerfile per
 * service module, a pinned base image, a non-root user, a health check on the management port, container-aware JVM
 * flags, both ports exposed and the jar that the module's build really produces.
 */
class DockerfileRulesTest {

    /** One instruction: keyword and its arguments, continuation lines joined. */
    record Instruction(String keyword, String args) {
    }

    static List<Instruction> parse(String dockerfile) {
        List<Instruction> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            int space = text.indexOf(' ');
            result.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
            current.setLength(0);
        }
        return result;
    }

    static Path dockerfile(Service service) {
        return Repo.path("deploy/images/" + service.name() + ".Dockerfile");
    }

    @TestFactory
    Stream<DynamicTest> every_service_image_follows_the_rules() {
        List<Service> services = Repo.services();
        assertThat(services).extracting(Service::name)
                .contains("intake-service", "dispatch-service", "callback-service", "claims-service", "survey-service");
        return services.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
    }

    private static void check(Service s) {
        Path file = dockerfile(s);
        assertThat(file).as("Dockerfile of %s", s.name()).isRegularFile();
        List<Instruction> ins = parse(Repo.read(file));
        String where = file.getFileName().toString();

        List<Instruction> from = of(ins, "FROM");
        assertThat(from).as("%s: one FROM (no multi-stage needed)", where).hasSize(1);
        String image = from.get(0).args().split("\\s+")[0];
        assertThat(image).as("%s: base image pinned to a full version tag or a digest", where)
                .matches("[a-z0-9./_-]+(:[^:@]*\\d+\\.\\d+\\.\\d+[^:@]*|@sha256:[0-9a-f]{64})")
                .doesNotEndWith(":latest");

        List<Instruction> copies = of(ins, "COPY");
        assertThat(copies).as("%s: copies exactly the service's jar", where).hasSize(1);
        String jar = s.name() + "/target/" + s.artifactId() + "-*-exec.jar";
        assertThat(copies.get(0).args().split("\\s+")).as("%s: COPY source", where).contains(jar);
        assertThat(Repo.read("pom.xml")).as("the root POM gives the runnable jar the exec classifier")
                .contains("<classifier>exec</classifier>");

        int user = ins.indexOf(last(ins, "USER"));
        assertThat(user).as("%s: USER set", where).isGreaterThanOrEqualTo(0);
        String account = ins.get(user).args().split(":")[0];
        assertThat(account).as("%s: a numeric non-root user, so Kubernetes can verify runAsNonRoot", where)
                .matches("\\d+").isNotEqualTo("0");
        assertThat(ins.subList(user, ins.size())).as("%s: nothing runs as root after USER", where)
                .noneMatch(i -> i.keyword().equals("RUN"));
        assertThat(ins.indexOf(last(ins, "ENTRYPOINT"))).as("%s: ENTRYPOINT after USER", where).isGreaterThan(user);

        assertThat(of(ins, "EXPOSE")).as("%s: EXPOSE", where).hasSize(1);
        assertThat(of(ins, "EXPOSE").get(0).args().split("\\s+")).as("%s: service and management ports", where)
                .containsExactlyInAnyOrder(String.valueOf(s.port()), String.valueOf(s.managementPort()));
        assertThat(of(ins, "ENV")).as("%s: ports set for the service", where).anySatisfy(e -> assertThat(e.args())
                .contains("SERVER_PORT=" + s.port()).contains("MANAGEMENT_SERVER_PORT=" + s.managementPort()));

        Instruction health = last(ins, "HEALTHCHECK");
        assertThat(health).as("%s: HEALTHCHECK", where).isNotNull();
        assertThat(health.args()).as("%s: health check on the management port", where)
                .contains("/actuator/health").contains("127.0.0.1/" + s.managementPort()).contains("--start-period=");

        String entrypoint = last(ins, "ENTRYPOINT").args();
        assertThat(entrypoint).as("%s: exec form with container-aware JVM flags", where).startsWith("[")
                .contains("\"-XX:MaxRAMPercentage=75\"").contains("\"-XX:+ExitOnOutOfMemoryError\"").contains("\"-jar\"");
        assertThat(entrypoint).doesNotContain("-Xmx");
    }

    @Test
    void services_that_render_pdfs_get_a_font_with_chinese_glyphs() throws Exception {
        for (Service s : Repo.services()) {
            boolean rendersPdf = Repo.read(s.name() + "/pom.xml").contains("<artifactId>pdfbox</artifactId>");
            if (rendersPdf) {
                assertThat(Repo.read(dockerfile(s))).as(s.name()).contains("fonts-wqy-microhei");
            }
        }
    }

    @Test
    void no_stray_dockerfiles() throws Exception {
        try (Stream<Path> files = Files.list(Repo.path("deploy/images"))) {
            List<String> names = Repo.services().stream().map(s -> s.name() + ".Dockerfile").toList();
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Dockerfile")))
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @Test
    void the_parser_joins_continuation_lines_and_skips_comments() {
        List<Instruction> ins = parse("# c\nFROM a:1.2.3\nRUN x \\\n  && y\n\nUSER 1:1\n");
        assertThat(ins).containsExactly(new Instruction("FROM", "a:1.2.3"), new Instruction("RUN", "x  && y"),
                new Instruction("USER", "1:1"));
    }

    private static List<Instruction> of(List<Instruction> ins, String keyword) {
        return ins.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    private static Instruction last(List<Instruction> ins, String keyword) {
        List<Instruction> found = of(ins, keyword);
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }
}
