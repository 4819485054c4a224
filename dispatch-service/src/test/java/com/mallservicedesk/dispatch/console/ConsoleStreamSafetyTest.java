package com.mallservicedesk.dispatch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.devtokens.DevelopmentTokens;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** The consoles' streams end with the token, are limited per user, replay a bounded history and mask phone numbers. */
class ConsoleStreamSafetyTest extends DispatchIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String mall = newMall();
    private final List<Disposable> open = new ArrayList<>();

    @Autowired
    ConsoleFeed feed;

    @AfterEach
    void closeConsoles() {
        open.forEach(Disposable::dispose);
    }

    private WebTestClientStream request(String path, String token, String lastEventId) {
        var result = web.get().uri("/api/v1/malls/{mall}" + path, mall)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { });
        return new WebTestClientStream(result.getStatus().value(), result.getResponseBody().filter(e -> e.event() != null));
    }

    private record WebTestClientStream(int status, Flux<ServerSentEvent<Map<String, Object>>> events) {
    }

    /**
     * Keeps the console connected from now on, as a browser would, so later reads see everything since; disposing
     * the console closes the connection.
     */
    private Flux<ServerSentEvent<Map<String, Object>>> connected(String path, String token, String lastEventId) {
        var stream = request(path, token, lastEventId);
        assertThat(stream.status()).isEqualTo(200);
        var replayed = stream.events().replay().refCount(1);
        open.add(replayed.subscribe(e -> { }, e -> { }));
        return replayed;
    }

    private static String token(String user, String mall, List<String> roles, String department, Duration validFor) {
        return DevelopmentTokens.mint(TestTokens.DEVELOPMENT_SECRET, user, user, List.of(mall), roles, department, validFor);
    }

    /** A development token issued a minute ago that expired at {@code exp} (the kit's minter issues them now). */
    private static String expiredAt(String user, String mall, List<String> roles, String department, Instant exp) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("sub", user);
        claims.put("malls", List.of(mall));
        claims.put("roles", roles);
        claims.put("dept", department);
        claims.put("aud", "mall-service-desk");
        claims.put("iat", exp.minusSeconds(60).getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String input = base64.encodeToString(json.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT"))) + "."
                + base64.encodeToString(json.writeValueAsBytes(claims));
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    TestTokens.DEVELOPMENT_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + base64.encodeToString(mac.doFinal(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(int count, String department) {
        Flux.range(0, count).concatMap(i -> feed.record(
                        new IncomingEvent(UUID.randomUUID().toString(), "mall.dispatch.work-order.accepted.v1", "/test",
                                "wo-" + i, mall, "req-" + i, Instant.now(), WORK_ORDERS, "{}"),
                        Map.of("workOrderId", "wo-" + i, "requestId", "req-" + i, "department", department,
                                "status", "ACCEPTED")), 1)
                .blockLast(Duration.ofMinutes(2));
    }

    @Test
    void aStreamEndsWithAnExpiredEventWhenTheTokensExpiryPasses() {
        Instant notBefore = Instant.now().plusSeconds(2);
        String shortLived = token("sup-short-" + mall, mall, List.of("SUPERVISOR"), null, Duration.ofSeconds(3));
        var received = new CopyOnWriteArrayList<ServerSentEvent<Map<String, Object>>>();
        var endedAt = new AtomicReference<Instant>();
        var stream = request("/stream", shortLived, null);
        assertThat(stream.status()).isEqualTo(200);
        open.add(stream.events().doOnComplete(() -> endedAt.set(Instant.now())).subscribe(received::add, e -> { }));

        await().atMost(Duration.ofSeconds(15)).until(() -> endedAt.get() != null);
        assertThat(endedAt.get()).isAfterOrEqualTo(notBefore);
        assertThat(received).last().satisfies(last -> assertThat(last.event()).isEqualTo("expired"));

        // A token that expired a moment ago (still inside the accepted clock skew) gets the end at once.
        String expired = expiredAt("staff-expired-" + mall, mall, List.of("DEPT_STAFF"), "ENGINEERING",
                Instant.now().minusSeconds(5));
        var ended = request("/departments/ENGINEERING/stream", expired, null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.events().collectList().block(WAIT)).extracting(ServerSentEvent::event).containsExactly("expired");
    }

    @Test
    void aUserHasAtMostFiveStreamsOnAnInstanceAndTheSixthIsRefusedWith429() {
        String supervisor = TestTokens.supervisor(mall);
        for (int i = 0; i < 5; i++) {
            connected(i % 2 == 0 ? "/stream" : "/departments/ENGINEERING/stream", supervisor, null);
        }
        web.get().uri("/api/v1/malls/{mall}/stream", mall).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(supervisor))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("too-many-streams");
        // Another user is not affected.
        connected("/departments/ENGINEERING/stream", TestTokens.deptStaff(mall, "ENGINEERING"), null);

        // A console that closes frees its place.
        open.get(0).dispose();
        await().untilAsserted(() -> {
            var again = request("/stream", supervisor, null);
            open.add(again.events().subscribe(e -> { }, e -> { }));
            assertThat(again.status()).isEqualTo(200);
        });
    }

    @Test
    void aResumePointBeyondTheLast500EventsStartsFromTheBoundWithAResync() {
        record(510, "ENGINEERING");

        var fromTheStart = connected("/stream", TestTokens.supervisor(mall), "0").take(2).collectList().block(WAIT);
        assertThat(fromTheStart).extracting(ServerSentEvent::event).containsExactly("resync", "work-order.accepted");
        assertThat(fromTheStart).extracting(ServerSentEvent::id).containsExactly("10", "11");
        assertThat(fromTheStart.get(0).data()).containsEntry("type", "resync");

        var department = connected("/departments/ENGINEERING/stream", TestTokens.deptStaff(mall, "ENGINEERING"), "3")
                .take(2).collectList().block(WAIT);
        assertThat(department).extracting(ServerSentEvent::id).containsExactly("10", "11");

        // Within the bound: exactly what was missed, no resync.
        var recent = connected("/stream", TestTokens.supervisor(mall), "505").take(5).collectList().block(WAIT);
        assertThat(recent).extracting(ServerSentEvent::id).containsExactly("506", "507", "508", "509", "510");
        // A position the mall never reached: resync at the latest.
        var unknown = connected("/stream", TestTokens.supervisor(mall), "99999").take(1).collectList().block(WAIT);
        assertThat(unknown).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("resync");
            assertThat(e.id()).isEqualTo("510");
        });
    }

    @Test
    void eventsOlderThanADayAreNotReplayedAndTheConsoleIsToldToReload() {
        record(3, "ENGINEERING");
        mongo.updateMulti(Query.query(Criteria.where("mallId").is(mall)),
                Update.update("storedAt", clock.instant().minus(Duration.ofHours(25))), ConsoleEvent.class).block();
        record(1, "ENGINEERING");

        var replay = connected("/stream", TestTokens.supervisor(mall), "0").take(2).collectList().block(WAIT);
        assertThat(replay).extracting(ServerSentEvent::event).containsExactly("resync", "work-order.accepted");
        assertThat(replay).extracting(ServerSentEvent::id).containsExactly("3", "4");
    }

    @Test
    void phoneNumbersOnBothStreamsFollowTheDisclosureRule() {
        var supervisors = connected("/stream", TestTokens.supervisor(mall), null);
        var managerOnDepartment = connected("/departments/ENGINEERING/stream", manager(mall), null);
        var engineering = connected("/departments/ENGINEERING/stream", TestTokens.deptStaff(mall, "ENGINEERING"), null);

        Map<String, Object> escalation = new HashMap<>(Map.of("callbackId", "cb-x-2", "requestId", "req-x",
                "workOrderId", "wo-x", "kind", "REPAIR", "department", "ENGINEERING", "round", 2, "unsatisfiedRounds", 2,
                "toRole", "CS_SUPERVISOR", "reason", "two unsatisfied rounds"));
        escalation.put("contact", Map.of("name", "王小姐", "phone", "13800000000"));
        escalation.put("reporterPhones", List.of(Map.of("phone", "13700000000")));
        send(CALLBACKS, "mall.callback.callback.escalated.v1", mall, "cb-x-2", "req-x", escalation);

        for (var masked : List.of(supervisors, managerOnDepartment)) {
            var data = (Map<String, Object>) masked.blockFirst(WAIT).data().get("data");
            assertThat((Map<String, Object>) data.get("contact")).containsEntry("phone", "138****0000");
            assertThat((List<Map<String, Object>>) data.get("reporterPhones")).singleElement()
                    .satisfies(r -> assertThat(r).containsEntry("phone", "137****0000"));
        }
        var full = (Map<String, Object>) engineering.blockFirst(WAIT).data().get("data");
        assertThat((Map<String, Object>) full.get("contact")).containsEntry("phone", "13800000000");
    }

    @Test
    void staffWithoutADepartmentInTheirTokenGetNoConsole() {
        web.get().uri("/api/v1/malls/{mall}/departments/ENGINEERING/stream", mall).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(staffWithoutDepartment(mall)))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("department-claim-missing");
        web.get().uri("/api/v1/malls/{mall}/stream", mall).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(TestTokens.supervisor(mall));
                    h.set("Last-Event-ID", "-5");
                })
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("last-event-id-invalid");
    }
}
