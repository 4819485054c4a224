package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.survey.formula.Level;
import java.time.Instant;
import java.util.Map;

/** One respondent's returned form: an answer per surveyed item (unanswered items are not surveyed). */
public record Response(String respondentId, String form, Map<String, Level> answers, String comment, Instant receivedAt,
                       String recordedBy) {
}
