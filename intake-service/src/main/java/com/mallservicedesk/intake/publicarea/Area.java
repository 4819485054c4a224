package com.mallservicedesk.intake.publicarea;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The public area asked for (seed 000 公共區域 §2.0: façade, outside plaza, car park, public walls, ceilings, floors …):
 * floor and zone as request locations give them, and what part exactly.
 */
public record Area(@Size(max = 20) @PlainText String floor, @Size(max = 40) @PlainText String zone,
                   @NotBlank @Size(max = 200) @PlainText String description) {
}
