package com.mallservicedesk.e2e;

import static com.mallservicedesk.e2e.PlatformCalls.gaugeOfMall;
import static com.mallservicedesk.e2e.PlatformCalls.status;
import static com.mallservicedesk.e2e.PlatformCalls.workOrderIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.localplatform.ServiceInstance;
import com.mallservicedesk.platform.test.InfrastructureAvailable;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code kill -9} of an intake and a dispatch instance while requests pour in: no request that was answered {@code 201}
 * is lost, each gets exactly one work order once the instances are back, and no work order appears for a request
 * intake does not have. The other instances carry on meanwhile; the killed ones are restarted on their ports, as the
 * local platform's supervisor (or Kubernetes) would.
 */
@Tag("integration")
@ExtendWith(InfrastructureAvailable.class)
class CrashUnderLoadTest {

    private static final int REQUESTS = 240;
    private static final int CLIENTS = 8;
    /** The kill comes after this many acknowledged registrations, so work is in flight everywhere. */
    private static final int KILL_AFTER = 60;
    private static final List<String> MALLS = PlatformCalls.mallsOfThisRun("CRASH", 2);
    private static final Duration RECOVERED = Duration.ofMinutes(5);

    private static ServiceProcesses platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = SharedPlatform.get();
    }

    private record Registration(String mall, int status, String requestId) {
    }

    @Test
    void killedInstancesLoseNoAcknowledgedRequestAndDoubleNoWorkOrder() throws Exception {
        List<String> intakes = platform.urls("intake-service");
        String frontDesk = TestTokens.token("crash-front-desk", MALLS, List.of("FRONT_DESK"), null);
        ConcurrentLinkedQueue<Registration> done = new ConcurrentLinkedQueue<>();
        List<ServiceInstance> killed = new ArrayList<>();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int number = 0; number < REQUESTS; number++) {
                int n = number;
                pending.add(clients.submit(() -> done.add(register(n, intakes.get(n % 2), MALLS.get(n / 2 % 2), frontDesk))));
            }
            await("the first acknowledged registrations").atMost(RECOVERED)
                    .until(() -> done.stream().filter(registration -> registration.status() == 201).count() >= KILL_AFTER);
            killed.add(platform.kill("dispatch-service", 2));
            killed.add(platform.kill("intake-service", 2));
            for (Future<?> registration : pending) {
                registration.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        for (ServiceInstance instance : killed) {
            platform.restart(instance);
        }

        List<Registration> acknowledged = done.stream().filter(registration -> registration.status() == 201).toList();
        assertThat(done).as("every registration either answered 201 or met the killed instance")
                .allSatisfy(registration -> assertThat(registration.status()).isIn(201, -1));
        assertThat(acknowledged).as("the surviving intake took its half").hasSizeGreaterThanOrEqualTo(REQUESTS / 2);

        String supervisor = TestTokens.token("crash-supervisor", MALLS, List.of("SUPERVISOR"), null);
        for (Registration registration : acknowledged) {
            assertThat(status(intakes.get(0) + "/api/v1/malls/" + registration.mall() + "/requests/"
                    + registration.requestId(), supervisor)).as("acknowledged request %s", registration.requestId())
                    .isEqualTo(200);
        }
        await("a work order for every acknowledged request, once, through both dispatch instances").atMost(RECOVERED)
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    for (String dispatch : platform.urls("dispatch-service")) {
                        for (String mall : MALLS) {
                            List<String> orders = workOrderIds(dispatch, mall, supervisor);
                            assertThat(orders).as("work orders of %s through %s", mall, dispatch).doesNotHaveDuplicates()
                                    .containsAll(acknowledged.stream().filter(r -> r.mall().equals(mall))
                                            .map(r -> "wo-" + r.requestId()).toList());
                        }
                    }
                });
        // Requests stored just before the kill, whose 201 never left, may have work orders too; but never an order
        // without its request.
        for (String mall : MALLS) {
            for (String order : workOrderIds(platform.url("dispatch-service"), mall, supervisor)) {
                assertThat(status(intakes.get(0) + "/api/v1/malls/" + mall + "/requests/" + order.substring(3),
                        supervisor)).as("the request of %s", order).isEqualTo(200);
            }
        }
        // The gauge of work orders by state counted each order once, also the orders changed at the kill.
        await("the work-order gauges count every order once").atMost(RECOVERED).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    for (String dispatch : platform.urls("dispatch-service")) {
                        for (String mall : MALLS) {
                            assertThat(gaugeOfMall(dispatch, "msd_dispatch_work_orders_current", mall))
                                    .as("work orders of %s by the gauges of %s", mall, dispatch)
                                    .isEqualTo(workOrderIds(dispatch, mall, supervisor).size());
                        }
                    }
                });
    }

    private static Registration register(int number, String intake, String mall, String token) {
        String body = """
                {"channel":"PHONE","kind":"REPAIR","description":"崩潰測試 %d:電梯按鈕失靈",
                 "location":{"floor":"%dF","zone":"C%d"},
                 "customer":{"name":"顧客 %d","phone":"1390000%04d","type":"SHOPPER"}}
                """.formatted(number, number % 8 + 1, number, number, number);
        PlatformCalls.Answer answer = PlatformCalls.register(intake, mall, token, body, Duration.ofSeconds(60));
        return new Registration(mall, answer.status(), answer.requestId());
    }
}
