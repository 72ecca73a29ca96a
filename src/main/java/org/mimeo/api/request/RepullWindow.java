package org.mimeo.api.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@code repullStart} and {@code repullEnd} bound a repull: each needs {@code "repull": true}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RepullWindow.Validator.class)
public @interface RepullWindow {

    String message() default "needs \"repull\": true";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RepullWindow, RefreshBody> {
        @Override
        public boolean isValid(RefreshBody body, ConstraintValidatorContext context) {
            if (Boolean.TRUE.equals(body.repull())) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (String field : new String[] {"repullStart", "repullEnd"}) {
                String bound = field.equals("repullStart") ? body.repullStart() : body.repullEnd();
                if (bound != null && !bound.isBlank()) {
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate()).addPropertyNode(field).addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }
    }
}
