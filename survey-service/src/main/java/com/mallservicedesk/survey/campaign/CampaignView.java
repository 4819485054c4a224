package com.mallservicedesk.survey.campaign;

import java.time.Instant;
import java.util.List;

/** A campaign as clients see it: its sample and who has answered (the answers themselves are in the results). */
record CampaignView(String id, String mallId, String period, String status, Instant startsAt, Instant closesAt,
                    int sampleSize, List<String> typicalTenants, long seed, List<FormView> forms, int responded,
                    Instant openedAt, String openedBy, Instant closedAt, String closedBy) {

    record FormView(String code, String title, List<SurveyItem> items, List<RespondentView> respondents) {
    }

    record RespondentView(String id, String name, RespondentGroup group, boolean answered) {
    }

    static CampaignView of(SurveyCampaign c) {
        var answered = c.getResponses().stream().map(Response::respondentId).collect(java.util.stream.Collectors.toSet());
        return new CampaignView(c.getId(), c.getMallId(), c.getPeriod(), c.getStatus().name(), c.getStartsAt(),
                c.getClosesAt(), c.getSampleSize(), c.getTypicalTenants(), c.getSeed(),
                c.getForms().stream().map(f -> new FormView(f.code(), f.title(), f.items(), f.respondents().stream()
                        .map(r -> new RespondentView(r.id(), r.name(), r.group(), answered.contains(r.id()))).toList()))
                        .toList(),
                c.getResponses().size(), c.getOpenedAt(), c.getOpenedBy(), c.getClosedAt(), c.getClosedBy());
    }
}
