package org.mimeo.api.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.mimeo.source.ConnInfo;

/** libpq conninfo or a {@code jdbc:postgresql://} URL with only the settings Mimeo accepts (see {@link ConnInfo}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DataSource.Validator.class)
public @interface DataSource {

    String message() default "is not a data source";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DataSource, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Messages.accepted(context, "is refused: ", () -> ConnInfo.parse(value));
        }
    }
}
