package com.mallservicedesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.problem.FieldErrors;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class PlausibleTimeTest {

    record Times(@PlausibleTime Instant at, @PlausibleTime OffsetDateTime local, @PlausibleTime LocalDate day) {
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static Set<String> wrong(Instant at, OffsetDateTime local, LocalDate day) {
        return VALIDATOR.validate(new Times(at, local, day)).stream()
                .peek(v -> assertThat(v.getConstraintDescriptor().getAnnotation()).isInstanceOf(PlausibleTime.class))
                .map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    @Test
    void timesFrom2000ToTheEndOf2099Pass() {
        assertThat(wrong(Instant.parse("2000-01-01T00:00:00Z"), OffsetDateTime.parse("2099-12-31T23:59:59+00:00"),
                LocalDate.of(2099, 12, 31))).isEmpty();
        assertThat(wrong(Instant.parse("2026-11-25T10:00:00Z"), OffsetDateTime.parse("2026-11-25T18:00:00+08:00"),
                LocalDate.of(2000, 1, 1))).isEmpty();
        assertThat(wrong(null, null, null)).isEmpty();
    }

    @Test
    void timesNoMallCanHaveAreRefused() {
        assertThat(wrong(Instant.parse("1999-12-31T23:59:59Z"), OffsetDateTime.parse("2100-01-01T00:00:00Z"),
                LocalDate.of(2100, 1, 1))).containsExactlyInAnyOrder("at", "local", "day");
        assertThat(wrong(Instant.MIN, OffsetDateTime.MAX, LocalDate.MIN)).containsExactlyInAnyOrder("at", "local", "day");
        // Late on New Year's Eve 2099 west of Greenwich is already 2100 everywhere the platform stores times.
        assertThat(wrong(null, OffsetDateTime.parse("2099-12-31T23:00:00-05:00"), LocalDate.of(1999, 12, 31)))
                .containsExactlyInAnyOrder("local", "day");
    }

    @Test
    void queryParametersAreCheckedTheSameWay() {
        FieldErrors errors = new FieldErrors();
        QueryParameters.time(errors, "from", Instant.parse("2026-01-01T00:00:00Z"));
        QueryParameters.time(errors, "to", Instant.parse("+999999-01-01T00:00:00Z"));
        QueryParameters.time(errors, "day", LocalDate.of(1970, 1, 1));
        QueryParameters.time(errors, "none", null);
        assertThat(errors.asList()).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("to:PlausibleTime", "day:PlausibleTime");
    }
}
