package com.mallservicedesk.claims.report;

import com.mallservicedesk.claims.claim.Claims;
import com.mallservicedesk.claims.claim.EvidenceItem;
import com.mallservicedesk.claims.evidence.EvidenceFiles;
import com.mallservicedesk.claims.policy.MallPolicies;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET …/claims/{id}/incident-report}: the special incident report as a PDF, rendered for its reader (phone
 * numbers as the reader may see them).
 */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/claims/{id}/incident-report")
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class IncidentReportController {

    /** At most this many photos are shown as thumbnails; the list of evidence names them all. */
    private static final int MAX_THUMBNAILS = 12;

    private final Claims claims;
    private final MallPolicies policies;
    private final EvidenceFiles files;
    private final IncidentReportPdf pdf;
    private final Clock clock;

    IncidentReportController(Claims claims, MallPolicies policies, EvidenceFiles files, IncidentReportPdf pdf,
                             Clock clock) {
        this.claims = claims;
        this.policies = policies;
        this.files = files;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> report(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return claims.find(mallId, id).flatMap(claim -> {
            var thumbnails = Flux.fromIterable(claim.getEvidence())
                    .filter(e -> e.thumbnailId() != null)
                    .take(MAX_THUMBNAILS)
                    .concatMap((EvidenceItem e) -> files.bytes(mallId, e.thumbnailId())
                            .map(bytes -> new IncidentReportPdf.Thumbnail(e.id(), bytes)))
                    .collectList();
            return Mono.zip(policies.of(mallId), thumbnails)
                    .publishOn(Schedulers.boundedElastic())
                    .map(found -> pdf.render(claim, found.getT1(), found.getT2(), clock.instant(), user));
        }).map(bytes -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(id + "-incident-report.pdf").build().toString())
                .body(bytes));
    }
}
