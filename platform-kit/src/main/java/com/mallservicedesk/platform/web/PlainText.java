package com.mallservicedesk.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text people read: no control characters (NUL, escape sequences, bell, C1 controls …) and no broken surrogate pairs,
 * which only hide or garble what is around them on consoles, timelines, reports and logs. Long texts
 * ({@code multiline}: descriptions, reasons, summaries) may keep line breaks and tabs; names, codes and other one-line
 * values may not. The error code is {@code PlainText}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

    boolean multiline() default false;

    String message() default "{PlainText}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlainText, CharSequence> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isPlain(value, multiline);
        }

        /** For query parameters, which bean validation does not see (see {@link QueryParameters}). */
        public static boolean isPlain(CharSequence value, boolean multiline) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean pair = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (Character.isHighSurrogate(c) && pair) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return false;
                } else if (Character.getType(c) == Character.CONTROL
                        && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                    return false;
                }
            }
            return true;
        }
    }
}
