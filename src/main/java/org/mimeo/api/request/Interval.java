package org.mimeo.api.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * Interval text as PostgreSQL reads it, checked for its syntax only: words, numbers and the punctuation of
 * interval input ({@code '10 minutes'}, {@code '1 day 02:00'}, {@code 'P1D'}). Whether PostgreSQL accepts it,
 * and its normalised spelling, is asked of the database when the value is used.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Interval.Validator.class)
public @interface Interval {

    String message() default "is not a valid interval (examples: '10 minutes', '1 day', '00:00:30')";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Interval, String> {
        private static final Pattern SYNTAX = Pattern.compile("[\\p{L}\\p{N} .:+\\-@,]{1,100}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || SYNTAX.matcher(value.strip()).matches();
        }
    }
}
