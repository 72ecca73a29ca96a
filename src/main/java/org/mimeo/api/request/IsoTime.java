package org.mimeo.api.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** An ISO-8601 instant ({@code 2026-03-08T06:15:00Z}) or zoned time ({@code 2026-03-08T01:15:00-05:00[America/New_York]}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoTime.Validator.class)
public @interface IsoTime {

    String message() default "must be an ISO-8601 instant (2026-03-08T06:15:00Z) or zoned time (2026-03-08T01:15:00-05:00[America/New_York])";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoTime, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                if (value.endsWith("Z")) {
                    Instant.parse(value);
                } else {
                    ZonedDateTime.parse(value);
                }
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
