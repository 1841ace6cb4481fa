package org.jobboard.postings.api;

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
 * A time RFC 3339 can write: years 0000 to 9999. Java reads wider years ({@code -100000-01-01T00:00:00Z}) that
 * PostgreSQL cannot store and that no client could parse back; they are a 400 naming the field, not a 500.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Rfc3339Time.Validator.class)
public @interface Rfc3339Time {
    Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
    Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
    String MESSAGE = "must be an RFC 3339 time with a year from 0000 to 9999, such as 2026-11-28T10:15:30Z";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Rfc3339Time, Instant> {
        public static boolean representable(Instant time) {
            return !time.isBefore(MIN) && !time.isAfter(MAX);
        }

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || representable(value);
        }
    }
}
