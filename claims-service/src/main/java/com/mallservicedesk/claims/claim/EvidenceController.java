package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.evidence.EvidenceFiles;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.PlausibleTime;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Evidence (photos, police reports, statements, invoices, insurer forms), witnesses and costs of a claim. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/claims/{id}")
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class EvidenceController {

    private final Claims claims;
    private final EvidenceFiles files;
    private final Clock clock;

    EvidenceController(Claims claims, EvidenceFiles files, Clock clock) {
        this.claims = claims;
        this.files = files;
        this.clock = clock;
    }

    /**
     * Multipart: {@code file} and the form fields {@code kind}, {@code takenAt} (ISO-8601), {@code placeWritten},
     * {@code description}. Too large: 413; a type not allowed or not matching the file: 415.
     */
    @PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<EvidenceItem> upload(@PathVariable String mallId, @PathVariable String id,
                              @RequestPart("file") FilePart file,
                              @RequestPart("kind") String kind,
                              @RequestPart(value = "takenAt", required = false) String takenAt,
                              @RequestPart(value = "placeWritten", required = false) String placeWritten,
                              @RequestPart(value = "description", required = false) String description,
                              PlatformUser user) {
        EvidenceItem.Kind evidenceKind;
        Instant taken;
        try {
            evidenceKind = EvidenceItem.Kind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            return Mono.error(invalid("kind", "invalid-value"));
        }
        try {
            taken = takenAt == null || takenAt.isBlank() ? null : Instant.parse(takenAt.strip());
        } catch (DateTimeParseException e) {
            return Mono.error(invalid("takenAt", "invalid-value"));
        }
        if (taken != null && taken.isAfter(clock.instant().plusSeconds(60))) {
            return Mono.error(invalid("takenAt", "PastOrPresent"));
        }
        if (!PlausibleTime.Check.holds(taken)) {
            return Mono.error(invalid("takenAt", "PlausibleTime"));
        }
        if (length(placeWritten) > 500 || length(description) > 2000) {
            return Mono.error(invalid(length(placeWritten) > 500 ? "placeWritten" : "description", "Size"));
        }
        // The claim must be the mall's before anything is stored for it.
        return claims.find(mallId, id)
                .flatMap(claim -> files.store(mallId, id, file))
                .flatMap(stored -> {
                    var item = new EvidenceItem("ev-" + UUID.randomUUID(), evidenceKind, stored.fileId(),
                            stored.thumbnailId(), stored.filename(), stored.contentType(), stored.size(), stored.sha256(),
                            taken, blankToNull(placeWritten), blankToNull(description), user.id(), clock.instant());
                    return claims.addEvidence(mallId, id, item).thenReturn(item);
                });
    }

    /** The claim's evidence, in the order uploaded, a page at a time. */
    @GetMapping("/evidence")
    Mono<PageView<EvidenceItem>> evidence(@PathVariable String mallId, @PathVariable String id,
                                          @RequestParam(defaultValue = "0") String page,
                                          @RequestParam(defaultValue = "50") String size) {
        ListQuery list = ListQuery.of(page, size);
        return claims.find(mallId, id).map(claim -> list.slice(claim.getEvidence()));
    }

    /** The file as uploaded, with its checksum; another mall's claim or file is not found. */
    @GetMapping("/evidence/{evidenceId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String mallId, @PathVariable String id,
                                                    @PathVariable String evidenceId) {
        return claims.find(mallId, id)
                .flatMap(claim -> {
                    EvidenceItem item = claim.evidence(evidenceId);
                    if (item == null) {
                        return Mono.error(ApiException.notFound("evidence", evidenceId));
                    }
                    return files.open(mallId, item.fileId())
                            .switchIfEmpty(Mono.error(() -> ApiException.notFound("evidence", evidenceId)))
                            .map(content -> ResponseEntity.ok()
                                    .contentType(MediaType.parseMediaType(item.contentType()))
                                    .contentLength(content.size())
                                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                            .filename(item.filename(), StandardCharsets.UTF_8).build().toString())
                                    .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                                            .encodeToString(HexFormat.of().parseHex(item.sha256())) + ":")
                                    .header("X-Content-Type-Options", "nosniff")
                                    .body(content.content()));
                });
    }

    @PostMapping("/witnesses")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Witness> witness(@PathVariable String mallId, @PathVariable String id,
                          @Valid @RequestBody ClaimCommands.RecordWitness body, PlatformUser user) {
        var witness = new Witness("wit-" + UUID.randomUUID(), body.name(), body.contact(), body.statement(),
                Boolean.TRUE.equals(body.signed()), body.statementEvidenceId(), user.id(), clock.instant());
        return claims.addWitness(mallId, id, witness).thenReturn(witness.seenBy(user));
    }

    @PostMapping("/costs")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Cost> cost(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody ClaimCommands.RecordCost body,
                    PlatformUser user) {
        var cost = new Cost("cost-" + UUID.randomUUID(), body.kind(), body.description(), body.amountCny(),
                body.invoiceNumber(), body.invoiceEvidenceId(), false, null, null, user.id(), clock.instant());
        return claims.addCost(mallId, id, cost).thenReturn(cost);
    }

    @PostMapping("/costs/{costId}/settle")
    Mono<Cost> settle(@PathVariable String mallId, @PathVariable String id, @PathVariable String costId,
                      @Valid @RequestBody ClaimCommands.SettleCost body, PlatformUser user) {
        return claims.settleCost(mallId, id, costId, body.settledAmountCny(), user)
                .map(claim -> claim.getCosts().stream().filter(c -> c.id().equals(costId)).findFirst().orElseThrow());
    }

    private static ApiException invalid(String field, String code) {
        return new FieldErrors().add(field, code).problem();
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
