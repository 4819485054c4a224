package com.mallservicedesk.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.claims.policy.InsurancePolicy;
import com.mallservicedesk.claims.stage.ChecklistItem;
import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim's own rules, without the store: milliseconds each. */
class ClaimRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T06:40:00Z");
    private static final BigDecimal CAP = new BigDecimal("2000");

    /** An object mother: a slip with everything the insurer report needs. */
    static IncidentFacts slip() {
        return new IncidentFacts(NOW.minusSeconds(600), new Location("1F", "Atrium", null), "中庭扶梯东侧",
                IncidentCategory.SLIP, true, "顾客滑倒", List.of(new People.Party("保洁员", "当值保洁", null)),
                List.of(new People.Injured("李梅", "110101199003071234", "某某公司", "扭伤", null)), List.of(), List.of(),
                "右手腕扭伤", new BigDecimal("3500.50"), null, null);
    }

    static Claim claim() {
        Claim claim = Claim.register("M1", "claim-1", slip(), "fd-1", "前台", NOW, DueTimes.defaults()).aggregate();
        claim.getTimerOutbox().clear();
        return claim;
    }

    @Test
    void openingSchedulesADeadlineForEveryStepOfTheFirstStage() {
        Claim claim = Claim.register("M1", "claim-1", slip(), "fd-1", "前台", NOW, DueTimes.defaults()).aggregate();
        assertThat(claim.getTimerOutbox()).extracting(PendingTimer::timerId)
                .containsExactlyInAnyOrderElementsOf(ChecklistItem.of(ClaimStage.IMMEDIATE_ACTION).stream()
                        .map(item -> "claim-step-overdue:claim-1:" + item.name()).toList());
        assertThat(claim.getChecklist()).filteredOn(c -> c.item() == ChecklistItem.AMBULANCE_CALLED).singleElement()
                .satisfies(c -> assertThat(c.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10))));
        assertThat(claim.correlationId()).isEqualTo("claim-1");
    }

    @Test
    void theMallsPolicySetsTheDueTimes() {
        var policy = new InsurancePolicy("M1", null, null, null, null, "95518", CAP,
                Map.of("AMBULANCE_CALLED", Duration.ofMinutes(5)), null, null);
        Claim claim = Claim.register("M1", "claim-1", slip(), "fd-1", "前台", NOW, DueTimes.of(policy)).aggregate();
        assertThat(claim.getChecklist()).filteredOn(c -> c.item() == ChecklistItem.AMBULANCE_CALLED).singleElement()
                .satisfies(c -> assertThat(c.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void advancesAreExactDecimalsCappedPerClaim() {
        Claim claim = claim();
        assertThat(claim.requestAdvance("a1", new BigDecimal("0.10"), "药费", "医院", CAP, "fd", NOW)).hasSize(1);
        assertThat(claim.requestAdvance("a2", new BigDecimal("0.20"), "药费", "医院", CAP, "fd", NOW)).hasSize(1);
        assertThat(claim.requestAdvance("a3", new BigDecimal("1999.70"), "药费", "医院", CAP, "fd", NOW)).hasSize(1);
        assertThat(claim.totalAdvanced()).isEqualByComparingTo("2000.00");

        assertThat(claim.requestAdvance("a4", new BigDecimal("0.01"), "药费", "医院", CAP, "fd", NOW)).isEmpty();
        assertThat(claim.advance("a4").status()).isEqualTo(Advance.Status.AWAITING_APPROVAL);
        assertThat(claim.totalAdvanced()).isEqualByComparingTo("2000.00");

        var approved = claim.approveAdvance("a4", "经理批准", "mgr", NOW);
        assertThat(approved).singleElement().isInstanceOfSatisfying(ClaimEvents.AdvanceApproved.class,
                e -> assertThat(e.totalAdvancedCny()).isEqualTo("2000.01"));
        assertThatThrownBy(() -> claim.approveAdvance("a4", "again", "mgr", NOW)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo("advance-not-awaiting-approval");
    }

    @Test
    void anOverdueStepIsRecordedOnceAndNotAtAllWhenDone() {
        Claim claim = claim();
        assertThat(claim.stepOverdue(ChecklistItem.AMBULANCE_CALLED, NOW.plusSeconds(3600))).hasSize(1);
        assertThat(claim.stepOverdue(ChecklistItem.AMBULANCE_CALLED, NOW.plusSeconds(3601))).isEmpty();

        claim.check(ChecklistItem.SCENE_SECURED, CheckItem.Status.DONE, null, null, "fd", NOW);
        assertThat(claim.getTimerOutbox()).extracting(PendingTimer::timerId)
                .contains("claim-step-overdue:claim-1:SCENE_SECURED");
        assertThat(claim.stepOverdue(ChecklistItem.SCENE_SECURED, NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void onlyTheAttemptThatIsDueIsMadeAndAStaleOutcomeChangesNothing() {
        Claim claim = claim();
        claim.requestInsurerReport("fd", NOW, NOW.plusSeconds(120));
        assertThat(claim.startInsurerAttempt(1, 2, NOW, NOW.plusSeconds(120))).as("not due yet").isFalse();
        assertThat(claim.startInsurerAttempt(1, 1, NOW, NOW.plusSeconds(120))).isTrue();
        assertThat(claim.startInsurerAttempt(1, 1, NOW.plusSeconds(1), NOW.plusSeconds(121)))
                .as("under way on another instance").isFalse();

        claim.getTimerOutbox().clear();
        assertThat(claim.insurerFailed(1, 1, "insurer answered 503", true, NOW, NOW.plusSeconds(60))).isEmpty();
        assertThat(claim.getInsurerReport().state()).isEqualTo(InsurerDelivery.State.FAILED);
        assertThat(claim.getTimerOutbox()).extracting(PendingTimer::timerId)
                .containsExactly("claim-insurer-report:claim-1:1:1", "claim-insurer-report:claim-1:1:2");
        // The outcome of an attempt that is no longer under way (a late answer) is ignored.
        assertThat(claim.insurerDelivered(1, 1, "LATE", NOW)).isEmpty();

        assertThat(claim.startInsurerAttempt(1, 2, NOW.plusSeconds(60), NOW.plusSeconds(180))).isTrue();
        assertThat(claim.insurerDelivered(1, 2, "PZCG-9", NOW.plusSeconds(61))).singleElement()
                .isInstanceOfSatisfying(ClaimEvents.ReportedToInsurer.class, e -> {
                    assertThat(e.insurerReference()).isEqualTo("PZCG-9");
                    assertThat(e.channel()).isEqualTo(ClaimEvents.Channel.API);
                });
        assertThat(claim.startInsurerAttempt(1, 3, NOW.plusSeconds(90), NOW.plusSeconds(200))).isFalse();
        assertThat(claim.getFirstReportedToInsurerAt()).isEqualTo(NOW.plusSeconds(61));
    }

    @Test
    void anAttemptInterruptedByACrashIsMadeAgainAfterItsLease() {
        Claim claim = claim();
        claim.requestInsurerReport("fd", NOW, NOW.plusSeconds(120));
        assertThat(claim.startInsurerAttempt(1, 1, NOW, NOW.plusSeconds(120))).isTrue();
        assertThat(claim.startInsurerAttempt(1, 1, NOW.plusSeconds(121), NOW.plusSeconds(241))).isTrue();
    }

    @Test
    void theArchiveStopsDeadlinesAndDeliveries() {
        Claim claim = claim();
        claim.requestInsurerReport("fd", NOW, NOW.plusSeconds(120));
        claim.getTimerOutbox().clear();
        var events = claim.moveTo(ClaimStage.ARCHIVED, ClaimStage.Outcome.CLOSED_WITHOUT_CLAIM, null, "no claim", "sv",
                NOW, DueTimes.defaults());
        assertThat(events).hasSize(2);
        assertThat(claim.getInsurerReport().state()).isEqualTo(InsurerDelivery.State.CANCELLED);
        assertThat(claim.getTimerOutbox()).allSatisfy(t -> assertThat(t.cancels()).isTrue())
                .extracting(PendingTimer::timerId).contains("claim-step-overdue:claim-1:AMBULANCE_CALLED",
                        "claim-insurer-report:claim-1:1:1");
        assertThatThrownBy(() -> claim.requestAdvance("a", BigDecimal.ONE, "x", "y", CAP, "fd", NOW))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).code()).isEqualTo("claim-archived");
    }

    @Test
    void whatTheInsurerReportNeedsIsListedByName() {
        var policy = new InsurancePolicy("M1", "保险公司", null, null, null, "95518", CAP, Map.of(), null, null);
        Claim claim = Claim.open("M1", new ReportedIncident("r1", "M1-0001", "INCIDENT", "顾客摔倒",
                new Location("1F", null, null), NOW, null), NOW, DueTimes.defaults()).aggregate();
        assertThat(InsurerReports.missingFields(claim, policy))
                .containsExactly("policyNumber", "parties", "injured", "damage", "estimatedLossCny");
        assertThat(InsurerReports.missingFields(claim(), new InsurancePolicy("M1", "保险公司", "P-1", null, null, "95518",
                CAP, Map.of(), null, null))).isEmpty();
    }

    @Test
    void idNumbersAreMaskedInTheMiddle() {
        assertThat(IdNumbers.mask("110101199003071234")).isEqualTo("1101**********1234");
        assertThat(IdNumbers.mask("A1234567")).isEqualTo("A1****67");
        assertThat(IdNumbers.mask("123")).isEqualTo("***");
        assertThat(IdNumbers.mask(null)).isNull();
    }

    @Test
    void aMaskedNumberSentBackKeepsTheStoredOne() {
        Claim claim = claim();
        var facts = slip();
        var masked = new IncidentFacts(facts.occurredAt(), facts.location(), facts.placeDescription(), facts.category(),
                facts.warningSignUp(), facts.account(), facts.parties(),
                List.of(new People.Injured("李梅", "1101**********1234", "某某公司", "骨折", null)), List.of(), List.of(),
                facts.damage(), facts.estimatedLossCny(), "地面湿滑", null);
        claim.updateFacts(masked, "sv", NOW);
        assertThat(claim.getInjured()).singleElement().satisfies(i -> {
            assertThat(i.idNumber()).isEqualTo("110101199003071234");
            assertThat(i.injury()).isEqualTo("骨折");
        });
    }
}
