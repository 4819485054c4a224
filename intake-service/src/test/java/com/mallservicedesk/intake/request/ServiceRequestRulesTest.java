package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.intake.request.RequestEvents.AcceptanceOverdue;
import com.mallservicedesk.intake.request.RequestEvents.Registered;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reception log's own rules, without Spring, a broker or a store. */
class ServiceRequestRulesTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final Owner DESK = new Owner("alice", "Alice");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The seeds' defaults in a mall's 09:00–21:00 desk hours: reply in 1 working day, evaluation in 5 (seed 003). */
    static final FollowUpLimits LIMITS = new FollowUpLimits(WorkingCalendar.mallDeskHours(SHANGHAI), 1, 5);

    /** An online message as an adapter delivers it (seed 001 §二.3: accepted within 5 minutes). */
    static ServiceRequest aWeChatMessage() {
        var message = new OnlineMessage(RequestKind.REPAIR, "三樓洗手間漏水", null, new Location("3F", "B", null),
                new Customer("王小姐", "13800000000", Customer.CustomerType.SHOPPER, null), T0);
        return aWeChatMessage(message, WorkingCalendar.aroundTheClock(SHANGHAI));
    }

    static ServiceRequest aWeChatMessage(OnlineMessage message, WorkingCalendar deskHours) {
        return ServiceRequest.receiveOnline("req-1", "M001", "M001-20261123-0001", Channel.WECHAT, message,
                Duration.ofMinutes(5), deskHours, null, T0).aggregate();
    }

    static OnlineMessage sentAt(Instant at) {
        return new OnlineMessage(RequestKind.CONSULTATION, "停車場幾點關門?", null, null, null, at);
    }

    @Test
    @DisplayName("seed 001 §二.3 with seed 000 §3.1.1: a message sent after the desk closed is due 5 minutes after it opens")
    void aMessageSentWhileTheDeskIsClosedIsDueFiveMinutesAfterItOpens() {
        WorkingCalendar mallDesk = WorkingCalendar.mallDeskHours(SHANGHAI);
        Instant lateEvening = Instant.parse("2026-11-23T14:30:00Z");    // 22:30 in Shanghai, the desk closed at 21:00

        ServiceRequest message = aWeChatMessage(sentAt(lateEvening), mallDesk);

        assertThat(message.getAcceptanceStartsAt()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));   // 09:00
        assertThat(message.getAcceptanceDueAt()).isEqualTo(Instant.parse("2026-11-24T01:05:00Z"));
        assertThat(message.getTimerOutbox()).singleElement()
                .satisfies(timer -> assertThat(timer.dueAt()).isEqualTo(Instant.parse("2026-11-24T01:05:00Z")));
    }

    @Test
    @DisplayName("seed 001 §二.3: while the desk is open the 5 minutes count from the message's arrival")
    void aMessageSentWhileTheDeskIsOpenIsDueFiveMinutesLater() {
        Instant morning = Instant.parse("2026-11-23T02:00:00Z");          // 10:00 in Shanghai
        ServiceRequest message = aWeChatMessage(sentAt(morning), WorkingCalendar.mallDeskHours(SHANGHAI));

        assertThat(message.getAcceptanceStartsAt()).isEqualTo(morning);
        assertThat(message.getAcceptanceDueAt()).isEqualTo(morning.plus(Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName("seed 001 §二.3: 4 minutes before closing, the last minute counts the next morning")
    void theLimitCarriesOverToTheNextOpening() {
        Instant beforeClosing = Instant.parse("2026-11-23T12:56:00Z");    // 20:56 in Shanghai
        ServiceRequest message = aWeChatMessage(sentAt(beforeClosing), WorkingCalendar.mallDeskHours(SHANGHAI));

        assertThat(message.getAcceptanceDueAt()).isEqualTo(Instant.parse("2026-11-24T01:01:00Z"));   // 09:01
    }

    @Test
    @DisplayName("seed 001 §二.1: a campus desk on 24-hour duty counts the 5 minutes at night too")
    void aCampusDeskCountsAtNight() {
        Instant night = Instant.parse("2026-11-23T18:00:00Z");            // 02:00 in Shanghai
        ServiceRequest message = aWeChatMessage(sentAt(night), WorkingCalendar.aroundTheClock(SHANGHAI));

        assertThat(message.getAcceptanceDueAt()).isEqualTo(night.plus(Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName("seed 000 §4.3: a phone call or visit is registered with the customer's name and contact")
    void aPhoneCallOrVisitNeedsTheCustomersNameAndContact() {
        assertThatThrownBy(() -> ContactRule.check(ARegistration.aPhoneCall().withoutCustomer().build()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("customer-contact-required");
                    assertThat(e.properties().get("errors").toString()).contains("customer.name", "customer.phone");
                });
        assertThatThrownBy(() -> ContactRule.check(ARegistration.aVisit().from("王小姐", null).build()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.properties().get("errors").toString())
                        .contains("customer.phone")
                        .doesNotContain("customer.name"));
        assertThatThrownBy(() -> ContactRule.check(ARegistration.aVisit().from(" ", "13800000000").build()))
                .isInstanceOf(ApiException.class);
        ContactRule.check(ARegistration.aPhoneCall().build());
    }

    @Test
    @DisplayName("seed 000 §4.3: an anonymous caller is registered without name or contact, and shown as anonymous")
    void anAnonymousCallerNeedsNeitherNameNorContact() {
        ContactRule.check(ARegistration.aPhoneCall().withoutCustomer().anonymous().build());
        ServiceRequest request = ARegistration.aPhoneCall().withoutCustomer().anonymous().register().aggregate();

        assertThat(request.isAnonymous()).isTrue();
    }

    @Test
    @DisplayName("seed 000 §4.3: intercom and patrol reports come from staff and need no customer")
    void intercomAndPatrolReportsNeedNoCustomer() {
        ContactRule.check(ARegistration.aPhoneCall().via(Channel.INTERCOM).withoutCustomer().build());
        ContactRule.check(ARegistration.aPhoneCall().via(Channel.PATROL).withoutCustomer().build());
    }

    @Test
    @DisplayName("seed 004 信息治理: an online message accepted as major tells dispatch which departments to tell")
    void anAcceptedMessageCanBeMajorWithRelatedDepartments() {
        ServiceRequest message = aWeChatMessage();

        var events = message.accept(new AcceptMessage(RequestKind.COMPLAINT, null, null, null, null, true,
                java.util.List.of("SECURITY")), DESK, LIMITS, T0.plusSeconds(60));

        assertThat(events).singleElement().isInstanceOfSatisfying(Registered.class, registered -> {
            assertThat(registered.major()).isTrue();
            assertThat(registered.relatedDepartments()).containsExactly("SECURITY");
            assertThat(registered.kind()).isEqualTo(RequestKind.COMPLAINT);
        });
    }

    @Test
    @DisplayName("seed 004 信息治理: the registration tells dispatch whether it is major and which departments to tell")
    void theRegistrationCarriesMajorAnonymousAndRelatedDepartments() {
        var created = ARegistration.aPhoneCall().about(RequestKind.COMPLAINT).major()
                .alsoTelling("SECURITY", "CLEANING", "SECURITY").register();

        assertThat(created.events()).singleElement().isInstanceOfSatisfying(Registered.class, registered -> {
            assertThat(registered.major()).isTrue();
            assertThat(registered.anonymous()).isFalse();
            assertThat(registered.relatedDepartments()).containsExactly("SECURITY", "CLEANING");
        });
        var plain = ARegistration.aPhoneCall().register();
        assertThat(plain.events()).singleElement().isInstanceOfSatisfying(Registered.class, registered -> {
            assertThat(registered.major()).isFalse();
            assertThat(registered.relatedDepartments()).isEmpty();
        });
    }

    @Test
    void anOnlineMessageCarriesItsAcceptanceDeadlineAsATimerInTheSameWrite() {
        ServiceRequest message = aWeChatMessage();

        assertThat(message.getStatus()).isEqualTo(RequestStatus.PENDING_ACCEPTANCE);
        assertThat(message.getTimerOutbox()).singleElement().satisfies(timer -> {
            assertThat(timer.timerId()).isEqualTo(ServiceRequest.acceptanceTimerId("req-1"));
            assertThat(timer.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        });
    }

    @Test
    void acceptingStopsTheAcceptanceClockAndMakesTheAccepterTheOwner() {
        ServiceRequest message = aWeChatMessage();
        message.getTimerOutbox().clear();

        message.accept(null, DESK, LIMITS, T0.plusSeconds(90));

        assertThat(message.getOwner()).isEqualTo(DESK);
        assertThat(message.getTimerOutbox()).extracting(PendingTimer::cancels).containsExactly(true);
    }

    @Test
    void theAcceptanceLimitIsMissedOnceAndNotAfterAcceptance() {
        ServiceRequest message = aWeChatMessage();
        assertThat(message.markAcceptanceOverdue(T0.plusSeconds(301))).singleElement().isInstanceOf(AcceptanceOverdue.class);
        assertThat(message.markAcceptanceOverdue(T0.plusSeconds(302))).isEmpty();

        ServiceRequest accepted = aWeChatMessage();
        accepted.accept(null, DESK, LIMITS, T0.plusSeconds(60));
        assertThat(accepted.markAcceptanceOverdue(T0.plusSeconds(301))).isEmpty();
    }

    @Test
    void aCancelledRequestCannotBeCancelledAgain() {
        ServiceRequest message = aWeChatMessage();
        message.cancel("顧客撤回", "alice", T0.plusSeconds(30));
        assertThatThrownBy(() -> message.cancel("again", "alice", T0.plusSeconds(31)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @Test
    void aWorkOrderChangeOlderThanOneAlreadyFollowedMovesNothingBack() {
        ServiceRequest request = aWeChatMessage();
        request.accept(null, DESK, LIMITS, T0.plusSeconds(60));
        String wo = "wo-req-1";

        assertThat(request.followWorkOrder(wo, T0.plusSeconds(100), 1, "ENGINEERING", RequestStatus.DISPATCHED)).isTrue();
        assertThat(request.followWorkOrder(wo, T0.plusSeconds(300), 3, "ENGINEERING", RequestStatus.COMPLETED)).isTrue();
        // Accepted before the completion, delivered after it.
        assertThat(request.followWorkOrder(wo, T0.plusSeconds(200), 2, "SECURITY", RequestStatus.IN_PROGRESS)).isFalse();
        assertThat(request.getStatus()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(request.getDepartment()).isEqualTo("ENGINEERING");
        // The same instant: the further state wins; a later reopening moves it back to work.
        assertThat(request.followWorkOrder(wo, T0.plusSeconds(300), 2, null, RequestStatus.IN_PROGRESS)).isFalse();
        assertThat(request.followWorkOrder(wo, T0.plusSeconds(400), 1, null, RequestStatus.IN_PROGRESS)).isTrue();
        assertThat(request.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
        // Another work order is judged by its own changes.
        assertThat(request.followWorkOrder("wo-other", T0.plusSeconds(150), 1, "CLEANING", null)).isTrue();
        assertThat(request.getDepartment()).isEqualTo("CLEANING");
    }

    @Test
    void aFinishedRequestStaysFinishedWhateverTheWorkOrderReports() {
        ServiceRequest request = aWeChatMessage();
        request.accept(null, DESK, LIMITS, T0.plusSeconds(60));
        request.cancel("顧客撤回", "alice", T0.plusSeconds(90));
        assertThat(request.followWorkOrder("wo-req-1", T0.plusSeconds(120), 2, "ENGINEERING", RequestStatus.IN_PROGRESS))
                .isTrue();
        assertThat(request.getStatus()).isEqualTo(RequestStatus.CANCELLED);
    }
}
