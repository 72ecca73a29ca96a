package org.mimeo.api.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that exists only for tests (fault injection, a fake clock, block sizes). Validated in the group
 * {@link Off} (a server started without {@code -Dmimeo.testHooks=true}), where any value is refused and the
 * field is answered as unknown, like any other unknown field.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TestHook.Validator.class)
public @interface TestHook {

    /** The group of a server without the test switch. */
    interface Off {
    }

    String message() default "is unknown without the server's test switch";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TestHook, Object> {
        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return value == null;
        }
    }
}
