package com.mallservicedesk.callback.proactive;

import com.mallservicedesk.callback.followup.ProactiveTarget;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The tenants drawn for one mall and day ({@code <mall>|<date>}), written once: a second draw of the day reuses it. */
@Document("callback_daily_samples")
record DailySample(@Id String id, String mallId, String date, int size, List<ProactiveTarget> tenants, Instant drawnAt,
                   String drawnBy) {

    static String key(String mallId, String date) {
        return mallId + "|" + date;
    }
}
