package com.mallservicedesk.claims.evidence;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What may be uploaded as evidence: photos and scanned documents (seed 000 §第三條 4.2.4, 4.2.5).
 *
 * @param allowedTypes content types accepted; each is also checked against the file's first bytes
 * @param thumbnailSize longest side of the thumbnails the incident report shows, in pixels
 */
@ConfigurationProperties("claims.evidence")
public record EvidenceLimits(@DefaultValue("10MB") DataSize maxFileSize,
                             @DefaultValue({"image/jpeg", "image/png", "application/pdf"}) List<String> allowedTypes,
                             @DefaultValue("320") int thumbnailSize) {
}
