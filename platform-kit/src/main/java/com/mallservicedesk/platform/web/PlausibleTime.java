package com.mallservicedesk.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;

/**
 * A time or day that the platform can store and that can belong to a mall's day-to-day work: from 2000 to the end of
 * 2099 ({@link Instant} and {@link OffsetDateTime} as instants, {@link LocalDate} by its year). JSON readily parses
 * years like -999999999, which no database date can hold and no reception log, claim or plan needs: a 400 naming the
 * field instead of a 500. Null is left to {@code @NotNull}. The error code is {@code PlausibleTime}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {PlausibleTime.ForInstant.class, PlausibleTime.ForOffsetDateTime.class,
        PlausibleTime.ForLocalDate.class})
public @interface PlausibleTime {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Exclusive. */
    Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    int FIRST_YEAR = 2000;
    int LAST_YEAR = 2099;

    String message() default "{PlausibleTime}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The one rule, for every supported type; also for query parameters, which bean validation does not see. */
    final class Check {

        private Check() {
        }

        public static boolean holds(Temporal value) {
            if (value == null) {
                return true;
            }
            if (value instanceof LocalDate day) {
                return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
            }
            Instant instant = value instanceof OffsetDateTime time ? time.toInstant() : Instant.from(value);
            return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
        }
    }

    class ForInstant implements ConstraintValidator<PlausibleTime, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return Check.holds(value);
        }
    }

    class ForOffsetDateTime implements ConstraintValidator<PlausibleTime, OffsetDateTime> {
        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return Check.holds(value);
        }
    }

    class ForLocalDate implements ConstraintValidator<PlausibleTime, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return Check.holds(value);
        }
    }
}
