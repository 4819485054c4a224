package com.mallservicedesk.intake.input;

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
 * A time the platform can store and that can belong to a mall's day-to-day work: from 2000 to before 2100. JSON
 * accepts years like -999999999, which no database date can hold and no reception log needs.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlausibleTime.Check.class)
public @interface PlausibleTime {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    String message() default "{PlausibleTime}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlausibleTime, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return holds(value);
        }

        /** For query parameters, which bean validation does not see. */
        public static boolean holds(Instant value) {
            return value == null || (!value.isBefore(EARLIEST) && value.isBefore(LATEST));
        }
    }
}
