package com.mallservicedesk.e2e;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.InfrastructureAvailable;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Two instances of intake and of dispatch under concurrent load, on the shared broker and database: every request
 * registered on either intake gets exactly one work order, whichever dispatch instance consumed its event and
 * whichever one is asked; every completion, on either dispatch instance, gets exactly one callback.
 */
@Tag("integration")
@ExtendWith(InfrastructureAvailable.class)
class SeveralInstancesUnderLoadTest {

    private static final int REQUESTS = 300;
    private static final int CONCURRENT_CLIENTS = 12;
    private static final int COMPLETIONS_PER_MALL = 2;
    /** Malls of this run only: the tests share the platform and each keeps to its own malls. */
    private static final List<String> MALLS = PlatformCalls.mallsOfThisRun("LOAD", 3);
    private static final Duration DRAINED = Duration.ofMinutes(3);
    /** After the expected state is reached, it must stay so this long: a late duplicate would show within it. */
    private static final Duration STAYS = Duration.ofSeconds(3);

    private static ServiceProcesses platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.get();
    }

    private record Registration(int number, String intake, String mall, int status, String requestId) {
    }

    @Test
    void everyRequestGetsExactlyOneWorkOrderAndEveryCompletionExactlyOneCallback() throws Exception {
        List<String> intakes = platform.urls("intake-service");
        List<String> dispatches = platform.urls("dispatch-service");
        assertThat(intakes).hasSize(2);
        assertThat(dispatches).hasSize(2);

        List<Registration> registrations = registerConcurrently(intakes);
        assertThat(registrations.stream().collect(groupingBy(Registration::status, counting())))
                .as("HTTP status of the %d registrations", REQUESTS).containsOnlyKeys(201);
        assertThat(registrations.stream().collect(groupingBy(Registration::intake, counting())))
                .as("registrations per intake instance").containsOnly(
                        Map.entry(intakes.get(0), (long) REQUESTS / 2), Map.entry(intakes.get(1), (long) REQUESTS / 2));
        Map<String, Set<String>> expected = registrations.stream().collect(groupingBy(Registration::mall,
                mapping(registration -> "wo-" + registration.requestId(), toSet())));
        assertThat(expected).hasSize(MALLS.size()).allSatisfy((mall, orders) ->
                assertThat(orders).hasSize(REQUESTS / MALLS.size()));

        await("a work order for every request, the same through both dispatch instances").atMost(DRAINED)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertOneWorkOrderPerRequest(dispatches, expected));

        Map<String, String> completed = completeSome(dispatches, expected);

        await("one callback per completion").atMost(DRAINED).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertOneCallbackPerCompletion(completed));
        await("still one callback per completion").during(STAYS).atMost(STAYS.multipliedBy(3))
                .untilAsserted(() -> assertOneCallbackPerCompletion(completed));
        assertOneWorkOrderPerRequest(dispatches, expected);
    }

    /** {@value #REQUESTS} repair requests from {@value #CONCURRENT_CLIENTS} clients, over all instances and malls. */
    private static List<Registration> registerConcurrently(List<String> intakes) throws Exception {
        String frontDesk = TestTokens.token("load-front-desk", MALLS, List.of("FRONT_DESK"), null);
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_CLIENTS);
        try {
            List<Future<Registration>> pending = new ArrayList<>();
            for (int number = 0; number < REQUESTS; number++) {
                int n = number;
                String intake = intakes.get(n % intakes.size());
                String mall = MALLS.get(n / intakes.size() % MALLS.size());
                pending.add(clients.submit(() -> register(n, intake, mall, frontDesk)));
            }
            List<Registration> registrations = new ArrayList<>();
            for (Future<Registration> registration : pending) {
                registrations.add(registration.get());
            }
            return registrations;
        } finally {
            clients.shutdownNow();
        }
    }

    private static Registration register(int number, String intake, String mall, String token) {
        // Each at its own place, so that none is flagged as a duplicate of another.
        EntityExchangeResult<Map<String, Object>> result = PlatformCalls.client(intake, token).post()
                .uri("/api/v1/malls/{mall}/requests", mall)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "PHONE", "kind", "REPAIR",
                        "description", "負載測試 " + number + ":洗手間水龍頭漏水",
                        "location", Map.of("floor", (number % 8 + 1) + "F", "zone", "Z" + number),
                        "customer", Map.of("name", "顧客 " + number,
                                "phone", "1380000" + String.format("%04d", number), "type", "SHOPPER")))
                .exchange()
                .expectBody(PlatformCalls.OBJECT)
                .returnResult();
        Map<String, Object> body = result.getResponseBody();
        return new Registration(number, intake, mall, result.getStatus().value(),
                body == null ? null : (String) body.get("id"));
    }

    private static void assertOneWorkOrderPerRequest(List<String> dispatches, Map<String, Set<String>> expected) {
        String supervisor = supervisorToken();
        for (String dispatch : dispatches) {
            for (String mall : MALLS) {
                List<String> ids = PlatformCalls.workOrderIds(dispatch, mall, supervisor);
                assertThat(ids).as("work orders of %s through %s", mall, dispatch).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(expected.get(mall));
            }
        }
    }

    /** Completes a few work orders of each mall, alternating the dispatch instances; returns work order → mall. */
    private static Map<String, String> completeSome(List<String> dispatches, Map<String, Set<String>> expected) {
        String staff = TestTokens.token("load-staff", MALLS, List.of("DEPT_STAFF"), "CUSTOMER_SERVICE");
        Map<String, String> completed = new LinkedHashMap<>();
        int call = 0;
        for (String mall : MALLS) {
            for (String workOrder : expected.get(mall).stream().sorted().limit(COMPLETIONS_PER_MALL).toList()) {
                PlatformCalls.client(dispatches.get(call++ % dispatches.size()), staff).post()
                        .uri("/api/v1/malls/{mall}/work-orders/{id}/complete", mall, workOrder)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("summary", "更換閥芯"))
                        .exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
                completed.put(workOrder, mall);
            }
        }
        return completed;
    }

    private static void assertOneCallbackPerCompletion(Map<String, String> completed) {
        String supervisor = supervisorToken();
        for (String mall : MALLS) {
            List<Map<String, Object>> callbacks = PlatformCalls.allItems(platform.url("callback-service"),
                    "/api/v1/malls/" + mall + "/callbacks", supervisor);
            Map<Object, Long> perWorkOrder = callbacks.stream()
                    .collect(groupingBy(callback -> callback.get("workOrderId"), counting()));
            List<String> completedHere = completed.entrySet().stream().filter(entry -> entry.getValue().equals(mall))
                    .map(Map.Entry::getKey).toList();
            assertThat(perWorkOrder).as("callbacks per work order in %s", mall)
                    .containsOnlyKeys(completedHere.toArray())
                    .allSatisfy((workOrder, count) -> assertThat(count).as("callbacks for %s", workOrder).isOne());
        }
    }

    private static String supervisorToken() {
        return TestTokens.token("load-supervisor", MALLS, List.of("SUPERVISOR"), null);
    }
}
