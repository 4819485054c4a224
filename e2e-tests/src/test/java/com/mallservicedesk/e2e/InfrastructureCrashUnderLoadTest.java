package com.mallservicedesk.e2e;

import static com.mallservicedesk.e2e.PlatformCalls.status;
import static com.mallservicedesk.e2e.PlatformCalls.workOrderIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.localplatform.KillableInfrastructure;
import com.mallservicedesk.platform.test.TestInfrastructure;
import com.mallservicedesk.platform.test.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the store (the local platform's MongoDB-wire server) and then of the Kafka broker while requests
 * pour in: no request that was answered {@code 201} is lost, each gets exactly one work order once both are back,
 * and no work order appears for a request intake does not have. The test runs its own store and broker as child
 * processes, exactly as the local platform starts them, with one intake and one dispatch instance against them; each
 * is restarted on its port and data right after the kill, as the local platform's supervisor would.
 */
@Tag("integration")
@DisabledIfSystemProperty(named = TestInfrastructure.PROPERTY, matches = "containers",
        disabledReason = "runs its own store and broker; the containers run would repeat it unchanged")
class InfrastructureCrashUnderLoadTest {

    private static final int CLIENTS = 6;
    /** Registrations before the store's kill; it comes after {@link #KILL_AFTER} of them were acknowledged. */
    private static final int BEFORE_STORE_KILL = 50;
    private static final int KILL_AFTER = 30;
    /** Registrations sent while a killed process restarts: they meet the outage or the reconnection. */
    private static final int DURING_OUTAGE = 30;
    /** Registrations once a restarted process is back; the service must acknowledge every one. */
    private static final int AFTER_RESTART = 30;
    private static final List<String> MALLS = PlatformCalls.mallsOfThisRun("INFRA", 2);
    private static final Duration RECOVERED = Duration.ofMinutes(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    /** When a registration was sent; once a restarted process is back, every registration must be acknowledged. */
    private enum Phase {
        BEFORE_STORE_KILL(false), DURING_STORE_RESTART(false), AFTER_STORE_RESTART(true),
        WHILE_BROKER_DOWN(false), AFTER_BROKER_RESTART(true);

        private final boolean recovered;

        Phase(boolean recovered) {
            this.recovered = recovered;
        }
    }

    private record Registration(int number, Phase phase, String mall, int status, String requestId) {

        boolean acknowledged() {
            return status == 201;
        }
    }

    @Test
    void killedStoreAndBrokerLoseNoAcknowledgedRequestAndDoubleNoWorkOrder() throws Exception {
        Path logs = ServiceProcesses.root().resolve("e2e-tests/target/infrastructure-crash-logs");
        try (KillableInfrastructure infrastructure = KillableInfrastructure.start(data, logs,
                ServiceProcesses.root().resolve("deploy/local-platform/target/classpath.txt"));
             ServiceProcesses services = ServiceProcesses.start(Map.of("intake-service", 1, "dispatch-service", 1),
                     infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(), logs);
             Clients clients = new Clients(services.url("intake-service"),
                     TestTokens.token("infra-crash-front-desk", MALLS, List.of("FRONT_DESK"), null))) {
            String intake = services.url("intake-service");

            clients.send(BEFORE_STORE_KILL, Phase.BEFORE_STORE_KILL);
            await("the first acknowledged registrations").atMost(RECOVERED).pollInterval(Duration.ofMillis(20))
                    .until(() -> clients.acknowledged() >= KILL_AFTER);
            assertThat(infrastructure.killStore()).as("the store's exit code: SIGKILL").isEqualTo(137);
            clients.send(DURING_OUTAGE, Phase.DURING_STORE_RESTART);
            infrastructure.startStore();
            awaitHealthy(intake, "intake after the store's restart");
            clients.send(AFTER_RESTART, Phase.AFTER_STORE_RESTART);
            clients.awaitAllAnswered();

            assertThat(infrastructure.killBroker()).as("the broker's exit code: SIGKILL").isEqualTo(137);
            clients.send(DURING_OUTAGE, Phase.WHILE_BROKER_DOWN);
            clients.awaitAllAnswered();
            infrastructure.startBroker();
            awaitHealthy(intake, "intake after the broker's restart");
            clients.send(AFTER_RESTART, Phase.AFTER_BROKER_RESTART);
            clients.awaitAllAnswered();

            List<Registration> done = clients.answers();
            System.out.println("Registrations by phase and status: " + summary(done));
            assertThat(done).as("every registration answered 201, or met the outage as a server error or a timeout")
                    .allSatisfy(registration -> assertThat(registration.status()).as("registration %d (%s)",
                            registration.number(), registration.phase()).matches(status -> status == 201
                            || status >= 500 || status == -1));
            assertThat(done).as("registrations once the restarted process was back (see %s)", logs)
                    .filteredOn(registration -> registration.phase().recovered)
                    .allMatch(Registration::acknowledged);
            verify(done.stream().filter(Registration::acknowledged).toList(), intake,
                    services.url("dispatch-service"), logs);
        }
    }

    private static void verify(List<Registration> acknowledged, String intake, String dispatch, Path logs)
            throws IOException, InterruptedException {
        String supervisor = TestTokens.token("infra-crash-supervisor", MALLS, List.of("SUPERVISOR"), null);
        for (Registration registration : acknowledged) {
            assertThat(status(intake + "/api/v1/malls/" + registration.mall() + "/requests/"
                    + registration.requestId(), supervisor))
                    .as("acknowledged request %s (%s)", registration.requestId(), registration.phase()).isEqualTo(200);
        }
        await("a work order for every acknowledged request, once").atMost(RECOVERED)
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    for (String mall : MALLS) {
                        List<String> orders = workOrderIds(dispatch, mall, supervisor);
                        List<String> expected = acknowledged.stream().filter(r -> r.mall().equals(mall))
                                .map(r -> "wo-" + r.requestId()).toList();
                        assertThat(orders).as("work orders of %s (logs in %s)", mall, logs).doesNotHaveDuplicates()
                                .containsAll(expected);
                    }
                });
        // A request stored just before a kill, whose 201 never left, may have a work order too; but never an order
        // without its request.
        for (String mall : MALLS) {
            for (String order : workOrderIds(dispatch, mall, supervisor)) {
                assertThat(status(intake + "/api/v1/malls/" + mall + "/requests/" + order.substring(3), supervisor))
                        .as("the request of %s", order).isEqualTo(200);
            }
        }
    }

    private static void awaitHealthy(String service, String what) {
        await(what).atMost(RECOVERED).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(service + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200);
    }

    private static String summary(List<Registration> done) {
        Map<Phase, Map<Integer, Long>> byPhase = new EnumMap<>(Phase.class);
        for (Registration registration : done) {
            byPhase.computeIfAbsent(registration.phase(), phase -> new TreeMap<>())
                    .merge(registration.status(), 1L, Long::sum);
        }
        return byPhase.toString();
    }

    /**
     * Client threads that register requests as the test hands them numbers: the load goes on through each kill and
     * restart, and the test knows which phase every registration belongs to.
     */
    private static final class Clients implements AutoCloseable {

        private record Work(int number, Phase phase) {
        }

        private final String intake;
        private final String token;
        private final BlockingQueue<Work> work = new LinkedBlockingQueue<>();
        private final ConcurrentLinkedQueue<Registration> answers = new ConcurrentLinkedQueue<>();
        private final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        private final AtomicInteger sent = new AtomicInteger();

        Clients(String intake, String token) {
            this.intake = intake;
            this.token = token;
            for (int n = 0; n < CLIENTS; n++) {
                threads.submit(this::work);
            }
        }

        void send(int count, Phase phase) {
            for (int n = 0; n < count; n++) {
                work.add(new Work(sent.getAndIncrement(), phase));
            }
        }

        long acknowledged() {
            return answers.stream().filter(Registration::acknowledged).count();
        }

        /** Until every registration sent so far has its answer (at most the clients' timeout each). */
        void awaitAllAnswered() {
            await("answers to all " + sent.get() + " registrations").atMost(RECOVERED)
                    .pollInterval(Duration.ofMillis(50)).until(() -> answers.size() == sent.get());
        }

        List<Registration> answers() {
            return List.copyOf(answers);
        }

        private Void work() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Work next = work.take();
                    answers.add(register(next.number(), next.phase()));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        private Registration register(int number, Phase phase) {
            String mall = MALLS.get(number % 2);
            String body = """
                    {"channel":"PHONE","kind":"REPAIR","description":"基礎設施崩潰測試 %d:扶梯異響",
                     "location":{"floor":"%dF","zone":"D%d"},
                     "customer":{"name":"顧客 %d","phone":"1370000%04d","type":"SHOPPER"}}
                    """.formatted(number, number % 8 + 1, number, number, number);
            PlatformCalls.Answer answer = PlatformCalls.register(intake, mall, token, body, REQUEST_TIMEOUT);
            return new Registration(number, phase, mall, answer.status(), answer.requestId());
        }

        @Override
        public void close() {
            threads.shutdownNow();
        }
    }
}
