package com.mallservicedesk.survey.reception;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That one request's KPI event was counted, keyed {@code <kpi>|<mall>|<requestId>}: inserted once, so a redelivered or
 * replayed event (or a second conclusion of the same request) is not counted twice (contract C6).
 */
@Document("counted_kpis")
record CountedKpi(@Id String key, String mallId, String requestId, String month, boolean met, Instant at) {

    static String key(String kpi, String mallId, String requestId) {
        return kpi + "|" + mallId + "|" + requestId;
    }
}
