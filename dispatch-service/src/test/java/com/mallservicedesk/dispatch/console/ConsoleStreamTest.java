package com.mallservicedesk.dispatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

class ConsoleStreamTest extends DispatchIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String mall = newMall();
    private final List<Disposable> open = new ArrayList<>();

    @AfterEach
    void closeConsoles() {
        open.forEach(Disposable::dispose);
    }

    /** Keeps the console connected from now on, as a browser would, so later reads see everything since. */
    private <T> Flux<T> connected(Flux<T> console) {
        Flux<T> cached = console.cache();
        open.add(cached.subscribe());
        return cached;
    }

    @BeforeEach
    void departmentsAndRouting() {
        putDepartment(mall, "ENGINEERING", aroundTheClock());
        putDepartment(mall, "SECURITY", aroundTheClock());
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", List.of(Map.of("kind", "REPAIR", "department", "ENGINEERING"),
                        Map.of("kind", "HELP", "department", "SECURITY")), "defaultDepartment", "CUSTOMER_SERVICE"))
                .exchange().expectStatus().isOk();
    }

    private Flux<ServerSentEvent<Map<String, Object>>> stream(String path, String token, String lastEventId) {
        return web.get().uri("/api/v1/malls/{mall}" + path, mall)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null);
    }

    private String open(String kind) {
        String requestId = register(mall, kind, "PHONE", "1F", "A");
        awaitOrder(mall, "wo-" + requestId);
        return "wo-" + requestId;
    }

    @Test
    void aDepartmentConsoleShowsOnlyItsOwnOrdersAndTheSupervisorsConsoleShowsTheMalls() {
        var engineering = connected(stream("/departments/ENGINEERING/stream", TestTokens.deptStaff(mall, "ENGINEERING"), null));
        var security = connected(stream("/departments/SECURITY/stream", TestTokens.deptStaff(mall, "SECURITY"), null));
        var supervisors = connected(stream("/stream", TestTokens.supervisor(mall), null));

        // The security order is on the consoles before the engineering order exists.
        String help = open("HELP");
        var first = supervisors.blockFirst(WAIT);
        assertThat(first.data()).containsEntry("workOrderId", help).containsEntry("type", "mall.dispatch.work-order.created.v1");
        String repair = open("REPAIR");

        var engineeringFirst = engineering.blockFirst(WAIT);
        assertThat(engineeringFirst.event()).isEqualTo("work-order.created");
        assertThat(engineeringFirst.data()).containsEntry("workOrderId", repair).containsEntry("status", "ASSIGNED")
                .doesNotContainKey("customer");
        assertThat((Map<String, Object>) engineeringFirst.data().get("data")).doesNotContainKeys("customer", "reporters");
        assertThat(security.blockFirst(WAIT).data()).containsEntry("workOrderId", help);
        var both = supervisors.take(2).collectList().block(WAIT);
        assertThat(both).extracting(e -> e.data().get("workOrderId")).containsExactly(help, repair);
        assertThat(Long.parseLong(both.get(1).id())).isGreaterThan(Long.parseLong(both.get(0).id()));

        // A change the engineering department makes reaches its console and the supervisors', never security's.
        act(mall, TestTokens.deptStaff(mall, "ENGINEERING"), repair, "accept", null).expectStatus().isOk();
        assertThat(engineering.take(2).collectList().block(WAIT)).extracting(ServerSentEvent::event)
                .containsExactly("work-order.created", "work-order.accepted");
        assertThat(supervisors.take(3).collectList().block(WAIT)).extracting(ServerSentEvent::event)
                .containsExactly("work-order.created", "work-order.created", "work-order.accepted");
        // A transfer shows on the console of the department it leaves and of the one it reaches.
        act(mall, TestTokens.deptStaff(mall, "ENGINEERING"), repair, "transfer",
                Map.of("toDepartment", "SECURITY", "reason", "需要安保到場")).expectStatus().isOk();
        assertThat(engineering.take(3).collectList().block(WAIT).get(2).event()).isEqualTo("work-order.transferred");
        var securityEvents = security.take(2).collectList().block(WAIT);
        assertThat(securityEvents).extracting(ServerSentEvent::event).containsExactly("work-order.created", "work-order.transferred");
        assertThat(securityEvents.get(1).data()).containsEntry("workOrderId", repair);
    }

    @Test
    void aCustomerStillNotSatisfiedAfterTwoRoundsShowsOnTheSupervisorsAndTheDepartmentsConsole() {
        var supervisors = connected(stream("/stream", TestTokens.supervisor(mall), null));
        var engineering = connected(stream("/departments/ENGINEERING/stream", TestTokens.deptStaff(mall, "ENGINEERING"), null));
        var security = connected(stream("/departments/SECURITY/stream", TestTokens.deptStaff(mall, "SECURITY"), null));
        String repair = open("REPAIR");
        String requestId = repair.substring(3);
        Map<String, Object> escalation = new java.util.HashMap<>(Map.of("callbackId", "cb-" + repair + "-2",
                "requestId", requestId, "workOrderId", repair, "kind", "REPAIR", "department", "ENGINEERING", "round", 2,
                "unsatisfiedRounds", 2, "toRole", "CS_SUPERVISOR", "reason", "two unsatisfied rounds"));
        escalation.put("occurredAt", java.time.Instant.now().toString());

        // Sent twice, as a redelivery would: shown once (seed 003 §2: the supervisor steps in).
        var sent = send("callback.callbacks.v1", "mall.callback.callback.escalated.v1", mall, "cb-" + repair + "-2",
                requestId, escalation);
        com.mallservicedesk.platform.test.TestEvents.resend(kafka, sent);

        assertThat(supervisors.take(2).collectList().block(WAIT)).extracting(ServerSentEvent::event)
                .containsExactly("work-order.created", "callback.escalated");
        assertThat(engineering.take(2).collectList().block(WAIT).get(1).data()).containsEntry("workOrderId", repair)
                .containsEntry("type", "mall.callback.callback.escalated.v1");
        assertThat(security.take(Duration.ofSeconds(2)).collectList().block(WAIT)).isEmpty();
        assertThat(supervisors.take(Duration.ofSeconds(2)).collectList().block(WAIT)).hasSize(2);
    }

    @Test
    void aRedeliveredEventCostsANumberButNeverHoldsAConsoleBack() {
        // A feed that would wait an hour at a missing number: only the marked number lets the next event through.
        var feed = new ConsoleFeed(mongo, clock, Duration.ofMillis(50), Duration.ofHours(1), 500, Duration.ofHours(24));
        var created = incoming("mall.dispatch.work-order.created.v1");
        var accepted = incoming("mall.dispatch.work-order.accepted.v1");
        feed.record(created, Map.of("workOrderId", "wo-1", "status", "ASSIGNED")).block(WAIT);
        feed.record(created, Map.of("workOrderId", "wo-1", "status", "ASSIGNED")).block(WAIT);
        feed.record(accepted, Map.of("workOrderId", "wo-1", "status", "ACCEPTED")).block(WAIT);

        var replayed = feed.follow(mall, e -> true, 0).take(2).collectList().block(WAIT);
        assertThat(replayed).extracting(ConsoleEvent::eventId).containsExactly(created.id(), accepted.id());
        assertThat(replayed).extracting(ConsoleEvent::seq).containsExactly(1L, 3L);
        assertThat(mongo.findById(mall + ":2", ConsoleEvent.class).block(WAIT).isUnusedNumber()).isTrue();
    }

    private IncomingEvent incoming(String type) {
        return new IncomingEvent(UUID.randomUUID().toString(), type,
                "/dispatch-service", "wo-1", mall, null, clock.instant(), WORK_ORDERS, "{}");
    }

    @Test
    void aReconnectingConsoleResumesAfterTheLastEventIdItSaw() {
        var supervisors = connected(stream("/stream", TestTokens.supervisor(mall), null));
        String a = open("HELP");
        String b = open("REPAIR");
        String c = open("CONSULTATION");
        var seen = supervisors.take(3).collectList().block(WAIT);
        assertThat(seen).extracting(e -> e.data().get("workOrderId")).containsExactlyInAnyOrder(a, b, c);

        // The console dropped after the first event: it resumes with exactly the two that followed, in order.
        var resumed = stream("/stream", TestTokens.supervisor(mall), seen.get(0).id()).take(2).collectList().block(WAIT);
        assertThat(resumed).extracting(ServerSentEvent::id).containsExactly(seen.get(1).id(), seen.get(2).id());
        // From the very beginning: everything stored for the mall is replayed, whatever instance stored it.
        var replayed = stream("/stream", TestTokens.supervisor(mall), "0").take(3).collectList().block(WAIT);
        assertThat(replayed).extracting(ServerSentEvent::id).containsExactlyElementsOf(seen.stream().map(ServerSentEvent::id).toList());
        // A department console resumes the same way, skipping the other departments' events.
        var engineering = stream("/departments/ENGINEERING/stream", TestTokens.deptStaff(mall, "ENGINEERING"), "0")
                .take(1).collectList().block(WAIT);
        assertThat(engineering).singleElement().satisfies(e -> assertThat(e.data()).containsEntry("workOrderId", b));
    }

    @Test
    void overdueAndEscalatedOrdersArePushedWithTheRoleTheyReached() {
        var engineering = connected(stream("/departments/ENGINEERING/stream", TestTokens.deptStaff(mall, "ENGINEERING"), null));
        var supervisors = connected(stream("/stream", TestTokens.supervisor(mall), null));
        String repair = open("REPAIR");
        assertThat(engineering.blockFirst(WAIT).data()).containsEntry("workOrderId", repair);

        clock.advance(Duration.ofMinutes(16));

        for (var console : List.of(engineering, supervisors)) {
            var events = console.filter(e -> repair.equals(e.data().get("workOrderId"))).take(3).collectList().block(WAIT);
            assertThat(events).extracting(ServerSentEvent::event)
                    .containsExactly("work-order.created", "work-order.sla-breached", "work-order.escalated");
            assertThat(events.get(2).data()).containsEntry("toRole", "DEPARTMENT_HEAD");
            assertThat((Map<String, Object>) events.get(1).data().get("data")).containsEntry("rule", "CONTACT");
        }
    }

    @Test
    @DisplayName("seed 000 §4.7 and contract C5: an escalation shows on its targets' consoles: the front desk's only when it names the front desk")
    void theFrontDesksConsoleShowsTheEscalationsThatNameIt() {
        var frontDesk = connected(stream("/front-desk/stream", TestTokens.frontDesk(mall), null));
        var engineering = connected(stream("/departments/ENGINEERING/stream", TestTokens.deptStaff(mall, "ENGINEERING"), null));
        String repair = open("REPAIR");
        act(mall, TestTokens.deptStaff(mall, "ENGINEERING"), repair, "escalate", Map.of("reason", "需要主管協調")).expectStatus().isOk();
        act(mall, TestTokens.supervisor(mall), repair, "escalate", Map.of("reason", "部門協調不成")).expectStatus().isOk();

        var first = frontDesk.blockFirst(WAIT);
        assertThat(first.event()).isEqualTo("work-order.escalated");
        assertThat(first.data()).containsEntry("workOrderId", repair).containsEntry("toRole", "FRONT_DESK");
        assertThat(engineering.take(3).collectList().block(WAIT)).extracting(e -> e.data().get("toRole"))
                .containsExactly(null, "DEPARTMENT_HEAD", "FRONT_DESK");
        web.get().uri("/api/v1/malls/{mall}/front-desk/stream", mall).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "ENGINEERING")))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    @DisplayName("seed 004 信息治理: a department's console shows the notifications it must acknowledge")
    void aDepartmentsConsoleShowsItsNotifications() {
        var security = connected(stream("/departments/SECURITY/stream", TestTokens.deptStaff(mall, "SECURITY"), null));
        String requestId = java.util.UUID.randomUUID().toString();
        send(REQUESTS, "mall.intake.request.registered.v1", mall, requestId, requestId, Map.of("requestId", requestId,
                "number", mall + "-20261124-0009", "channel", "PHONE", "kind", "COMPLAINT", "description", "保安態度差",
                "status", "REGISTERED", "priority", "NORMAL", "relatedDepartments", List.of("SECURITY")));
        var notified = security.filter(e -> "notification.sent".equals(e.event())).blockFirst(WAIT);
        assertThat((Map<String, Object>) notified.data().get("data"))
                .containsEntry("notificationId", "ntf-req-" + requestId + "-SECURITY")
                .containsEntry("reason", "COMPLAINT");
    }

    @Test
    void consolesAreClosedToOtherDepartmentsRolesAndMalls() {
        String other = newMall();
        String[][] refused = {
                {"/departments/ENGINEERING/stream", TestTokens.deptStaff(mall, "SECURITY")},
                {"/departments/ENGINEERING/stream", TestTokens.frontDesk(mall)},
                {"/departments/ENGINEERING/stream", TestTokens.deptStaff(other, "ENGINEERING")},
                {"/departments/ENGINEERING/stream", TestTokens.supervisor(other)},
                {"/stream", TestTokens.deptStaff(mall, "ENGINEERING")},
                {"/stream", TestTokens.frontDesk(mall)},
                {"/stream", TestTokens.supervisor(other)}};
        for (String[] attempt : refused) {
            web.get().uri("/api/v1/malls/{mall}" + attempt[0], mall).accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(h -> h.setBearerAuth(attempt[1]))
                    .exchange().expectStatus().isForbidden();
        }
        web.get().uri("/api/v1/malls/{mall}/stream", mall).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(TestTokens.supervisor(mall));
                    h.set("Last-Event-ID", "yesterday");
                })
                .exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/malls/{mall}/stream", mall).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isUnauthorized();

        // The other mall's supervisor console on their own mall sees nothing of this one.
        var otherConsole = web.get().uri("/api/v1/malls/{mall}/stream", other).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(TestTokens.supervisor(other));
                    h.set("Last-Event-ID", "0");
                })
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody().filter(e -> e.event() != null);
        otherConsole = connected(otherConsole);
        String mine = open("REPAIR");
        var mineOnMyConsole = stream("/stream", TestTokens.supervisor(mall), "0").blockFirst(WAIT);
        assertThat(mineOnMyConsole.data()).containsEntry("workOrderId", mine);
        assertThat(otherConsole.take(Duration.ofSeconds(2)).collectList().block(WAIT)).isEmpty();
    }
}
