package com.mallservicedesk.intake.publicarea;

import java.time.Instant;

/**
 * One patrol inspection while the area is in use (seed 000 公共區域 §4.3.1: CS, engineering and security patrol and
 * record); a violation carries the rectification demanded in writing (§4.3.2, §3.4).
 */
public record Inspection(int number, Instant at, String by, String department, String note, boolean violation,
                         String rectification) {
}
