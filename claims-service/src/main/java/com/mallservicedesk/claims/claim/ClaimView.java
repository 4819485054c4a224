package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A claim as the API shows it. ID numbers of the injured are masked unless the caller is the property manager or the
 * claim's handler; phone numbers of everyone in the file follow the kit's disclosure rule ({@link Contacts}); the
 * outbox and timers are never shown. The timeline shows its latest {@value #TIMELINE_SHOWN} steps ({@code timelineTotal}
 * says how many there are; {@code …/timeline} pages through all of them); the other lists are bounded by the claim.
 */
public record ClaimView(String id, String mallId, String requestId, String requestNumber, Claim.Source source,
                        String description, Location location, String placeDescription, Instant occurredAt,
                        Instant reportedAt, Instant openedAt, IncidentCategory category, Boolean warningSignUp,
                        List<People.Party> parties, List<People.Injured> injured, List<People.ThirdParty> thirdParties,
                        List<People.DamagedBelonging> damagedBelongings, String damage, BigDecimal estimatedLossCny,
                        String cause, String correctiveActions, String handlerId, String handlerName,
                        ClaimStatus status, ClaimStage stage, Instant stageEnteredAt, List<ClaimStage> nextStages,
                        ClaimStage.Outcome outcome, BigDecimal settledAmountCny, Instant archivedAt,
                        List<CheckItem> checklist, InsurerDelivery insurerReport, PhoneReport phoneReport,
                        List<Advance> advances, BigDecimal totalAdvancedCny, List<EvidenceItem> evidence,
                        List<Witness> witnesses, List<Cost> costs, List<LinkedRequest> linkedRequests,
                        List<Step> timeline, int timelineTotal) {

    static final int TIMELINE_SHOWN = 50;

    public static ClaimView of(Claim c, PlatformUser viewer) {
        boolean seesIds = mayReadIdNumbers(c, viewer);
        List<People.Injured> injured = c.getInjured().stream()
                .map(person -> seesIds ? person : person.withIdNumber(IdNumbers.mask(person.idNumber())))
                .map(person -> person.withContact(Contacts.shown(viewer, person.contact())))
                .toList();
        List<People.Party> parties = c.getParties().stream()
                .map(party -> party.withContact(Contacts.shown(viewer, party.contact()))).toList();
        List<People.ThirdParty> thirdParties = c.getThirdParties().stream()
                .map(third -> third.withContact(Contacts.shown(viewer, third.contact()))).toList();
        List<Witness> witnesses = c.getWitnesses().stream().map(w -> w.seenBy(viewer)).toList();
        List<Step> timeline = c.getTimeline();
        return new ClaimView(c.getId(), c.getMallId(), c.getRequestId(), c.getRequestNumber(), c.getSource(),
                c.getDescription(), c.getLocation(), c.getPlaceDescription(), c.getOccurredAt(), c.getReportedAt(),
                c.getOpenedAt(), c.getCategory(), c.getWarningSignUp(), parties, injured, thirdParties,
                c.getDamagedBelongings(), c.getDamage(), c.getEstimatedLossCny(), c.getCause(), c.getCorrectiveActions(),
                c.getHandlerId(), c.getHandlerName(), c.getStatus(), c.getStage(), c.getStageEnteredAt(),
                c.getStage().next(), c.getOutcome(), c.getSettledAmountCny(), c.getArchivedAt(), c.getChecklist(),
                c.getInsurerReport(), c.getPhoneReport(), c.getAdvances(), c.totalAdvanced(), c.getEvidence(),
                witnesses, c.getCosts(), c.getLinkedRequests(),
                timeline.subList(Math.max(0, timeline.size() - TIMELINE_SHOWN), timeline.size()), timeline.size());
    }

    /** Who may read the full ID numbers of the injured: the property manager and the claim's handler. */
    public static boolean mayReadIdNumbers(Claim claim, PlatformUser viewer) {
        return viewer != null && (viewer.has(Role.MANAGER) || Objects.equals(viewer.id(), claim.getHandlerId()));
    }
}
