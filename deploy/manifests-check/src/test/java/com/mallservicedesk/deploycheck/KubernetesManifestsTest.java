package com.mallservicedesk.deploycheck;

import static com.mallservicedesk.deploycheck.Repo.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.deploycheck.Repo.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * deploy/k8s: the Kustomize base holds, for every service module, a Deployment (probes on the actuator groups at the
 * management port, requests and limits, non-root, settings from msd-config and msd-secrets), a Service, a
 * PodDisruptionBudget and an HPA; one ServiceMonitor and one PrometheusRule equal to deploy/observability's rules.
 * Checked by parsing: no cluster here. Where kubectl is on the PATH the base and overlay are rendered with its
 * built-in Kustomize as well.
 */
class KubernetesManifestsTest {

    static final Path BASE = Repo.path("deploy/k8s/base");
    static final Path PRODUCTION = Repo.path("deploy/k8s/overlays/production");

    static List<Map<String, Object>> base() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : Repo.<List<String>>at(Repo.yamlMap("deploy/k8s/base/kustomization.yaml"), "resources")) {
            objects.addAll(Repo.yamlDocuments(BASE.resolve(resource)));
        }
        return objects;
    }

    static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(at(o, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s/base"));
    }

    @TestFactory
    Stream<DynamicTest> every_service_has_its_objects() {
        List<Map<String, Object>> objects = base();
        return Repo.services().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(objects, s)));
    }

    private static void check(List<Map<String, Object>> objects, Service s) {
        Map<String, Object> deployment = find(objects, "Deployment", s.name());
        Map<String, String> selector = at(deployment, "spec", "selector", "matchLabels");
        assertThat((Map<String, String>) at(deployment, "spec", "template", "metadata", "labels"))
                .containsAllEntriesOf(selector).containsEntry("app.kubernetes.io/part-of", "mall-service-desk");
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        assertThat((Object) at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) at(pod, "securityContext", "runAsUser")).isPositive();
        List<Map<String, Object>> containers = at(pod, "containers");
        assertThat(containers).hasSize(1);
        Map<String, Object> c = containers.get(0);
        assertThat((String) c.get("image")).startsWith("mall-service-desk/" + s.name() + ":");
        assertThat((List<Map<String, Object>>) c.get("ports")).containsExactlyInAnyOrder(
                Map.of("name", "http", "containerPort", s.port()), Map.of("name", "management", "containerPort", s.managementPort()));
        assertThat((List<Map<String, Object>>) c.get("env")).contains(Map.of("name", "SERVER_PORT", "value", String.valueOf(s.port())),
                Map.of("name", "MANAGEMENT_SERVER_PORT", "value", String.valueOf(s.managementPort())));
        assertThat((List<Map<String, Object>>) c.get("envFrom")).containsExactlyInAnyOrder(
                Map.of("configMapRef", Map.of("name", "msd-config")), Map.of("secretRef", Map.of("name", "msd-secrets")));
        for (String r : List.of("cpu", "memory")) {
            assertThat((Object) at(c, "resources", "requests", r)).as("%s request %s", s.name(), r).isNotNull();
            assertThat((Object) at(c, "resources", "limits", r)).as("%s limit %s", s.name(), r).isNotNull();
        }
        assertThat((Object) at(c, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat((Object) at(c, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat((List<String>) at(c, "securityContext", "capabilities", "drop")).contains("ALL");
        assertThat((List<Map<String, Object>>) c.get("volumeMounts")).as("writable /tmp for the JVM")
                .anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/tmp"));
        assertThat((Map<String, Object>) at(c, "livenessProbe", "httpGet"))
                .isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "management"));
        assertThat((Map<String, Object>) at(c, "readinessProbe", "httpGet"))
                .isEqualTo(Map.of("path", "/actuator/health/readiness", "port", "management"));
        assertThat((Map<String, Object>) at(c, "startupProbe", "httpGet")).isNotNull();

        Map<String, Object> service = find(objects, "Service", s.name());
        assertThat((Map<String, String>) at(service, "spec", "selector")).isEqualTo(selector);
        assertThat((Map<String, String>) at(service, "metadata", "labels")).containsEntry("app.kubernetes.io/part-of", "mall-service-desk");
        assertThat((List<Map<String, Object>>) at(service, "spec", "ports")).containsExactlyInAnyOrder(
                Map.of("name", "http", "port", s.port(), "targetPort", "http"),
                Map.of("name", "management", "port", s.managementPort(), "targetPort", "management"));

        Map<String, Object> pdb = find(objects, "PodDisruptionBudget", s.name());
        assertThat((Map<String, String>) at(pdb, "spec", "selector", "matchLabels")).isEqualTo(selector);
        assertThat((Object) at(pdb, "spec", "maxUnavailable")).isEqualTo(1);

        Map<String, Object> hpa = find(objects, "HorizontalPodAutoscaler", s.name());
        assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat((Map<String, Object>) at(hpa, "spec", "scaleTargetRef"))
                .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", s.name()));
        assertThat((Integer) at(hpa, "spec", "minReplicas")).isEqualTo((Integer) at(deployment, "spec", "replicas"));
        assertThat((List<Map<String, Object>>) at(hpa, "spec", "metrics"))
                .anySatisfy(m -> assertThat((Object) at(m, "resource", "name")).isEqualTo("cpu"));
    }

    @Test
    void settings_and_secrets_carry_the_connection_strings_and_no_development_secret() {
        Map<String, String> config = at(find(base(), "ConfigMap", "msd-config"), "data");
        assertThat(config).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "PLATFORM_TOPICS_PARTITIONS")
                .containsEntry("PLATFORM_TOPICS_REPLICAS", "3")
                .containsEntry("MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS", "true")
                .containsKey("PLATFORM_JWT_ISSUER")
                .doesNotContainKeys("PLATFORM_JWT_SECRET", "SPRING_MONGODB_URI", "SPRING_PROFILES_ACTIVE");
        assertThat(base()).as("no Secret in Git").noneMatch(o -> "Secret".equals(o.get("kind")));
        Map<String, String> example = at(Repo.yamlDocuments(BASE.resolve("secret.example.yaml")).get(0), "stringData");
        assertThat(example).containsOnlyKeys("SPRING_MONGODB_URI", "PLATFORM_JWK_SET_URI");
        assertThat(example.get("SPRING_MONGODB_URI")).contains("replicaSet=").contains("w=majority");
        assertThat(Repo.<List<String>>at(Repo.yamlMap("deploy/k8s/base/kustomization.yaml"), "resources"))
                .doesNotContain("secret.example.yaml");
    }

    @Test
    void monitoring_objects_scrape_the_management_port_as_job_mall_service_desk_with_the_project_rules() {
        List<Map<String, Object>> objects = base();
        Map<String, Object> monitor = find(objects, "ServiceMonitor", "mall-service-desk");
        String jobLabel = at(monitor, "spec", "jobLabel");
        for (Service s : Repo.services()) {
            assertThat((String) at(find(objects, "Service", s.name()), "metadata", "labels", jobLabel))
                    .as("job label value of %s's Service (the alert rules use job=\"mall-service-desk\")", s.name())
                    .isEqualTo("mall-service-desk");
        }
        assertThat((List<Map<String, Object>>) at(monitor, "spec", "endpoints")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus"));

        List<Object> expected = new ArrayList<>();
        for (String file : List.of("alerts.yml", "survey-rules.yml")) {
            expected.addAll(Repo.<List<Object>>at(Repo.yamlMap("deploy/observability/" + file), "groups"));
        }
        assertThat((List<Object>) at(find(objects, "PrometheusRule", "mall-service-desk"), "spec", "groups"))
                .as("deploy/k8s/base/prometheus-rules.yaml must hold exactly the groups of deploy/observability/*.yml")
                .isEqualTo(expected);
    }

    @Test
    void production_overlay_points_at_the_base_and_patches_what_exists() {
        Map<String, Object> overlay = Repo.yamlMap("deploy/k8s/overlays/production/kustomization.yaml");
        for (String resource : Repo.<List<String>>at(overlay, "resources")) {
            assertThat(PRODUCTION.resolve(resource).normalize()).exists();
        }
        List<String> baseImages = base().stream().filter(o -> "Deployment".equals(o.get("kind")))
                .map(d -> (String) Repo.<List<Map<String, Object>>>at(d, "spec", "template", "spec", "containers").get(0).get("image"))
                .map(i -> i.substring(0, i.indexOf(':'))).toList();
        assertThat(Repo.<List<Map<String, Object>>>at(overlay, "images")).extracting(i -> (String) i.get("name"))
                .containsExactlyInAnyOrderElementsOf(baseImages);
        List<Map<String, Object>> patches = at(overlay, "patches");
        for (Map<String, Object> patch : patches) {
            String kind = at(patch, "target", "kind");
            assertThat(base()).as("patch target %s", kind).anyMatch(o -> kind.equals(o.get("kind")));
        }
    }

    @Test
    void optional_keda_scaler_targets_a_real_deployment_and_consumer_group() {
        Map<String, Object> scaled = Repo.yamlDocuments(Repo.path("deploy/k8s/optional/keda-consumer-lag.yaml")).get(0);
        String target = at(scaled, "spec", "scaleTargetRef", "name");
        find(base(), "Deployment", target);
        List<Map<String, Object>> triggers = at(scaled, "spec", "triggers");
        assertThat(triggers).anySatisfy(t -> assertThat((String) at(t, "metadata", "consumerGroup")).isEqualTo(target));
    }

    @Test
    void kubectl_kustomize_renders_base_and_production() {
        Assumptions.assumeTrue(Repo.onPath("kubectl"), "kubectl is not installed (no Debian package; the parser checks above still ran)");
        for (Path dir : List.of(BASE, PRODUCTION)) {
            Repo.Run result = Repo.run(Repo.ROOT, List.of("kubectl", "kustomize", dir.toString()));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("kind: Deployment").contains("kind: PrometheusRule");
        }
    }
}
