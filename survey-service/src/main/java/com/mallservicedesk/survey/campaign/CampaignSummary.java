package com.mallservicedesk.survey.campaign;

import java.time.Instant;

/**
 * A line of the campaigns list: the campaign without its forms, with how many were surveyed and how many answered.
 * The respondents themselves are in the campaign ({@code GET …/surveys/{id}}).
 */
record CampaignSummary(String id, String mallId, String period, String status, Instant startsAt, Instant closesAt,
                       int sampleSize, int respondents, int responded, Instant openedAt, String openedBy,
                       Instant closedAt, String closedBy) {

    static CampaignSummary of(SurveyCampaign c) {
        return new CampaignSummary(c.getId(), c.getMallId(), c.getPeriod(), c.getStatus().name(), c.getStartsAt(),
                c.getClosesAt(), c.getSampleSize(), c.getForms().stream().mapToInt(f -> f.respondents().size()).sum(),
                c.getResponses().size(), c.getOpenedAt(), c.getOpenedBy(), c.getClosedAt(), c.getClosedBy());
    }
}
