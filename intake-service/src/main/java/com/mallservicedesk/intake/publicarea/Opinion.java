package com.mallservicedesk.intake.publicarea;

import java.time.Instant;

/** A department's written opinion on the plan (seed 000 公共區域 §3.2 相鄰部門意見, §4.1.1 書面意見). */
public record Opinion(String department, String opinion, String by, Instant at) {
}
