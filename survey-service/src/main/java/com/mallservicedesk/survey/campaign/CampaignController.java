package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.SortFields;
import com.mallservicedesk.survey.formula.Level;
import com.mallservicedesk.survey.improvement.Improvements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Half-yearly satisfaction surveys (seed 000 §顧客滿意度調查規程): campaigns, returned forms, results, evaluation. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/surveys")
class CampaignController {

    /** Newest period first unless asked otherwise. */
    private static final SortFields SORTS = SortFields.by("period").byDefault("period,desc");

    private final Campaigns campaigns;
    private final Improvements improvements;
    private final EvaluationPdf pdf;
    private final IdempotentRequests idempotency;

    CampaignController(Campaigns campaigns, Improvements improvements, EvaluationPdf pdf, IdempotentRequests idempotency) {
        this.campaigns = campaigns;
        this.improvements = improvements;
        this.pdf = pdf;
        this.idempotency = idempotency;
    }

    /**
     * @param period         the half-year, {@code 2026-H2}
     * @param sampleSize     how many of the other counters to draw at random (besides anchor stores and typical ones)
     * @param typicalTenants tenant ids of the typical counters (典型專柜), always surveyed
     * @param departments    form B's respondents; default ENGINEERING, SECURITY, CLEANING
     * @param seed           the random sample's seed; drawn at random when not given, stored either way
     */
    record OpenCampaign(@NotBlank @Size(max = 20) String period, @NotNull @Min(0) @Max(1000) Integer sampleSize,
                        @Size(max = 200) List<@NotBlank @Size(max = 100) String> typicalTenants,
                        @Size(max = 50) List<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String> departments,
                        @Size(max = 40) List<@Valid SurveyItem> formAItems,
                        @Size(max = 40) List<@Valid SurveyItem> formBItems, Long seed) {
    }

    /** @param answers item code → level; items left out were not surveyed */
    record ReturnedForm(@NotBlank @Size(max = 100) String respondentId,
                        @NotEmpty @Size(max = SurveyCampaign.MAX_ITEMS) Map<String, Level> answers,
                        @Size(max = 2000) String comment) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<CampaignView> open(@PathVariable String mallId, @Valid @RequestBody OpenCampaign request, PlatformUser user,
                            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "surveys", key, request, CampaignView.class,
                () -> campaigns.open(mallId, request, user.id()).map(CampaignView::of));
    }

    /**
     * The mall's campaigns as summaries (a campaign's respondents are in the campaign itself), newest period first
     * ({@code sort=period,desc}, the default) or oldest first ({@code sort=period}), a page at a time.
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<PageView<CampaignSummary>> list(@PathVariable String mallId, @RequestParam(defaultValue = "0") String page,
                                         @RequestParam(defaultValue = "50") String size,
                                         @RequestParam(required = false) String sort) {
        return campaigns.ofMall(mallId, ListQuery.of(page, size, sort, SORTS));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<CampaignView> get(@PathVariable String mallId, @PathVariable String id) {
        return campaigns.find(mallId, id).map(CampaignView::of);
    }

    /** A returned form, entered by the desk or a supervisor, or by department staff for their own department (form B). */
    @PostMapping("/{id}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<CampaignView> respond(@PathVariable String mallId, @PathVariable String id,
                               @Valid @RequestBody ReturnedForm form, PlatformUser user,
                               @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "survey-responses:" + id, key, form, CampaignView.class,
                () -> campaigns.respond(mallId, id, form, user).map(CampaignView::of));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<SurveyResults> close(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return campaigns.close(mallId, id, user.id()).map(SurveyCampaign::results);
    }

    @GetMapping("/{id}/results")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<SurveyResults> results(@PathVariable String mallId, @PathVariable String id) {
        return campaigns.find(mallId, id).map(SurveyCampaign::results);
    }

    @GetMapping(path = "/{id}/evaluation", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<EvaluationReport> evaluation(@PathVariable String mallId, @PathVariable String id) {
        return evaluationOf(mallId, id);
    }

    @GetMapping(path = "/{id}/evaluation", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<ResponseEntity<byte[]>> evaluationPdf(@PathVariable String mallId, @PathVariable String id) {
        return campaigns.find(mallId, id)
                .flatMap(c -> improvements.ofSurvey(mallId, id).collectList()
                        .map(actions -> new Rendering(EvaluationReport.of(c, actions), ZoneId.of(c.getZone()))))
                .publishOn(Schedulers.boundedElastic())
                .map(pair -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("survey-evaluation-" + id + ".pdf").build().toString())
                        .body(pdf.render(pair.report(), pair.zone())));
    }

    private record Rendering(EvaluationReport report, ZoneId zone) {
    }

    private Mono<EvaluationReport> evaluationOf(String mallId, String id) {
        return campaigns.find(mallId, id).flatMap(c -> improvements.ofSurvey(mallId, id).collectList()
                .map(actions -> EvaluationReport.of(c, actions)));
    }
}
