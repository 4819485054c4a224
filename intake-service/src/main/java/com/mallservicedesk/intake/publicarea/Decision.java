package com.mallservicedesk.intake.publicarea;

import java.time.Instant;

/** The general manager's written consent or refusal (seed 000 公共區域 §3.2 經管理公司總經理書面同意). */
public record Decision(boolean approved, String note, String by, Instant at) {
}
