package com.mallservicedesk.claims.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a mall has until it stores its own insurance policy.
 *
 * @param advanceCapCny the advance of treatment costs per claim that needs no manager (seed 000 §第三條 4.2.3(7): 2,000 CNY)
 * @param insurerPhone  the insurer's report line (seed 000 §第三條 4.2.2: 95518)
 * @param stepDueTimes  per checklist item, how long after its stage began it is due; items not named use their own default
 */
@ConfigurationProperties("claims.defaults")
public record ClaimsDefaults(@DefaultValue("2000") BigDecimal advanceCapCny,
                             @DefaultValue("95518") String insurerPhone,
                             @DefaultValue Map<String, Duration> stepDueTimes) {
}
