package com.mallservicedesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.localplatform.ServiceInstance;
import com.mallservicedesk.platform.test.InfrastructureAvailable;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code kill -9} of callback, claims and survey while work orders are being completed and incidents registered. Once
 * they are restarted on their ports, every completion has exactly one callback, every incident exactly one claim, and
 * survey's month counts every request, completion and claim exactly once: what they were handling at the kill comes
 * to them again (its offsets were not committed) and must count neither twice nor not at all, and what came while
 * they were down waits in Kafka.
 */
@Tag("integration")
@ExtendWith(InfrastructureAvailable.class)
class DownstreamCrashUnderLoadTest {

    private static final int REPAIRS = 60;
    private static final int INCIDENTS = 60;
    private static final int CLIENTS = 6;
    /** The kill comes after this many of the completions and incidents were acknowledged, so events are in flight. */
    private static final int KILL_AFTER = 30;
    private static final List<String> KILLED = List.of("callback-service", "claims-service", "survey-service");
    private static final String MALL = PlatformCalls.mallsOfThisRun("DOWNSTREAM", 1).get(0);
    private static final Duration RECOVERED = Duration.ofMinutes(5);
    /** After the expected state is reached, it must stay so this long: a late duplicate would show within it. */
    private static final Duration STAYS = Duration.ofSeconds(3);

    private static ServiceProcesses platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.get();
    }

    @Test
    void killedDownstreamServicesDoubleNoCallbackClaimOrCount() throws Exception {
        String frontDesk = TestTokens.frontDesk(MALL);
        String supervisor = TestTokens.supervisor(MALL);
        List<String> repairs = new ArrayList<>();
        for (int number = 0; number < REPAIRS; number++) {
            repairs.add(register(frontDesk, "REPAIR", number));
        }
        await("the repairs' work orders").atMost(RECOVERED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(ids("dispatch-service", "work-orders", supervisor))
                        .containsAll(repairs.stream().map(id -> "wo-" + id).toList()));

        ConcurrentLinkedQueue<Integer> completions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> incidents = new ConcurrentLinkedQueue<>();
        List<ServiceInstance> killed = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int number = 0; number < Math.max(REPAIRS, INCIDENTS); number++) {
                int n = number;
                if (n < REPAIRS) {
                    pending.add(clients.submit(() -> completions.add(complete("wo-" + repairs.get(n)))));
                }
                if (n < INCIDENTS) {
                    pending.add(clients.submit(() -> incidents.add(register(frontDesk, "INCIDENT", REPAIRS + n))));
                }
            }
            await("the first acknowledged calls").atMost(RECOVERED)
                    .until(() -> completions.size() + incidents.size() >= KILL_AFTER);
            for (String service : KILLED) {
                killed.add(platform.kill(service, 1));
            }
            for (Future<?> call : pending) {
                call.get(2, TimeUnit.MINUTES); // a registration not answered 201 fails here
            }
        } finally {
            clients.shutdownNow();
        }
        for (ServiceInstance instance : killed) {
            platform.restart(instance);
        }
        assertThat(completions).as("statuses of the completions").hasSize(REPAIRS).containsOnly(200);
        assertThat(incidents).hasSize(INCIDENTS);

        List<String> incidentIds = List.copyOf(incidents);
        await("one callback per completion, one claim per incident, each counted once").atMost(RECOVERED)
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertCountedOnce(repairs, incidentIds, supervisor));
        await("still so").during(STAYS).atMost(STAYS.multipliedBy(3))
                .untilAsserted(() -> assertCountedOnce(repairs, incidentIds, supervisor));
    }

    private static void assertCountedOnce(List<String> repairs, List<String> incidents, String supervisor)
            throws Exception {
        List<Object> callbacksFor = PlatformCalls.allItems(platform.url("callback-service"),
                "/api/v1/malls/" + MALL + "/callbacks", supervisor).stream().map(item -> item.get("workOrderId")).toList();
        assertThat(callbacksFor).as("the work orders of the mall's callbacks")
                .containsExactlyInAnyOrderElementsOf(repairs.stream().map(id -> "wo-" + id).toList());
        assertThat(ids("claims-service", "claims", supervisor)).as("the mall's claims")
                .containsExactlyInAnyOrderElementsOf(incidents.stream().map(id -> "claim-" + id).toList());
        // The claims-by-stage gauge counted each claim once, also those opened at the kill.
        assertThat(PlatformCalls.gaugeOfMall(platform.url("claims-service"), "msd_claims_current", MALL))
                .as("claims the claims gauge counts").isEqualTo(INCIDENTS);

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> report = client("survey-service", supervisor).get()
                .uri("/api/v1/malls/{mall}/reports/monthly?month={month}", MALL, month).exchange()
                .expectStatus().isOk().expectBody(PlatformCalls.OBJECT).returnResult().getResponseBody();
        // Exactly: an event survey was handling at the kill comes again and counts then if it had not, and not again
        // if it had (its figures note the event until its copy is stored).
        assertThat(((Number) ((Map<?, ?>) report.get("requests")).get("total")).intValue())
                .as("requests the month's report counts").isEqualTo(REPAIRS + INCIDENTS);
        assertThat(((Number) ((Map<?, ?>) report.get("workTime")).get("completed")).intValue())
                .as("completions the month's report counts").isEqualTo(REPAIRS);
        assertThat(((Number) ((Map<?, ?>) report.get("claims")).get("opened")).intValue())
                .as("claims the month's report counts").isEqualTo(INCIDENTS);
    }

    /** Registers a request of the kind, each at its own place so that none is a duplicate; returns its id. */
    private static String register(String token, String kind, int number) {
        Map<String, Object> body = client("intake-service", token).post().uri("/api/v1/malls/{mall}/requests", MALL)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "PHONE", "kind", kind,
                        "description", "崩潰測試 " + number + (kind.equals("INCIDENT") ? ":顧客在扶梯旁滑倒" : ":水龍頭漏水"),
                        "location", Map.of("floor", (number % 8 + 1) + "F", "zone", "D" + number),
                        "customer", Map.of("name", "顧客 " + number,
                                "phone", "1370000" + String.format("%04d", number), "type", "SHOPPER")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(PlatformCalls.OBJECT).returnResult().getResponseBody();
        return (String) body.get("id");
    }

    private static int complete(String workOrderId) {
        return client("dispatch-service", TestTokens.deptStaff(MALL, "CUSTOMER_SERVICE")).post()
                .uri("/api/v1/malls/{mall}/work-orders/{id}/complete", MALL, workOrderId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("summary", "更換閥芯"))
                .exchange().expectBody().returnResult().getStatus().value();
    }

    private static List<String> ids(String service, String list, String token) {
        return PlatformCalls.allItems(platform.url(service), "/api/v1/malls/" + MALL + "/" + list, token).stream()
                .map(item -> (String) item.get("id")).toList();
    }

    private static WebTestClient client(String service, String token) {
        return PlatformCalls.client(platform.url(service), token);
    }
}
