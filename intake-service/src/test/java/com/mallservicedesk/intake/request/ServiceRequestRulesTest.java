package com.mallservicedesk.intake.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.intake.request.RequestEvents.AcceptanceOverdue;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reception log's own rules, without Spring, a broker or a store. */
class ServiceRequestRulesTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final Owner DESK = new Owner("alice", "Alice");

    /** An online message as an adapter delivers it (seed 001 §二.3: accepted within 5 minutes). */
    static ServiceRequest aWeChatMessage() {
        var message = new OnlineMessage(RequestKind.REPAIR, "三樓洗手間漏水", null, new Location("3F", "B", null),
                new Customer("王小姐", "13800000000", Customer.CustomerType.SHOPPER, null), T0);
        return ServiceRequest.receiveOnline("req-1", "M001", "M001-20261123-0001", Channel.WECHAT, message,
                Duration.ofMinutes(5), null, T0).aggregate();
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

        message.accept(null, DESK, T0.plusSeconds(90));

        assertThat(message.getOwner()).isEqualTo(DESK);
        assertThat(message.getTimerOutbox()).extracting(PendingTimer::cancels).containsExactly(true);
    }

    @Test
    void theAcceptanceLimitIsMissedOnceAndNotAfterAcceptance() {
        ServiceRequest message = aWeChatMessage();
        assertThat(message.markAcceptanceOverdue(T0.plusSeconds(301))).singleElement().isInstanceOf(AcceptanceOverdue.class);
        assertThat(message.markAcceptanceOverdue(T0.plusSeconds(302))).isEmpty();

        ServiceRequest accepted = aWeChatMessage();
        accepted.accept(null, DESK, T0.plusSeconds(60));
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
        request.accept(null, DESK, T0.plusSeconds(60));
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
        request.accept(null, DESK, T0.plusSeconds(60));
        request.cancel("顧客撤回", "alice", T0.plusSeconds(90));
        assertThat(request.followWorkOrder("wo-req-1", T0.plusSeconds(120), 2, "ENGINEERING", RequestStatus.IN_PROGRESS))
                .isTrue();
        assertThat(request.getStatus()).isEqualTo(RequestStatus.CANCELLED);
    }
}
