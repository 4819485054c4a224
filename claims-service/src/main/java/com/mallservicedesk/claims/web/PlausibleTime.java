package com.mallservicedesk.claims.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * A moment a claim file can record: from 2000 to the end of 2099. Far outside it (year -999999999 parses as an
 * instant) the store cannot even write the date; a 400 naming the field says so instead of a 500.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleTime.Check.class)
public @interface PlausibleTime {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    String message() default "must lie between 2000 and 2099";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is left to {@code @NotNull} where a time is required. */
    class Check implements ConstraintValidator<PlausibleTime, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return holds(value);
        }

        public static boolean holds(Instant value) {
            return value == null || (!value.isBefore(EARLIEST) && value.isBefore(LATEST));
        }
    }
}
