package com.mallservicedesk.callback.proactive;

import com.mallservicedesk.callback.followup.ProactiveTarget;
import java.time.Instant;
import java.util.List;

/** A day's draw: the tenants and the callbacks made for them. */
record DailySampleView(String mallId, String date, int size, List<ProactiveTarget> tenants, List<String> callbackIds,
                       Instant drawnAt, String drawnBy) {
}
