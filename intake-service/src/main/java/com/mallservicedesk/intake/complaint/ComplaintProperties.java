package com.mallservicedesk.intake.complaint;

import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code intake.complaints}: when the complaint register starts. Its listener reads intake's own request topic from
 * the earliest retained event the first time it runs, so a deployment that already has complaints sets
 * {@code registers-from} to the rollout time: older complaints get no register (and no clocks that passed long ago).
 *
 * @param registersFrom complaints received before this get no register; unset: every complaint gets one
 */
@ConfigurationProperties("intake.complaints")
public record ComplaintProperties(Instant registersFrom) {

    boolean opensRegisterFor(Instant receivedAt) {
        return registersFrom == null || receivedAt == null || !receivedAt.isBefore(registersFrom);
    }
}
