package com.mallservicedesk.survey.report;

import java.time.Instant;

/** What a publication request answers: which revision of the period's figures is out. */
public record PublicationView(String id, String kind, String period, int revision, Instant publishedAt) {

    public static PublicationView of(ReportPublication p) {
        return new PublicationView(p.getId(), p.getKind(), p.getPeriod(), p.getRevision(), p.getPublishedAt());
    }
}
