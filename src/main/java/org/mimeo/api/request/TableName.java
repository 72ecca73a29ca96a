package org.mimeo.api.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.mimeo.sql.QualifiedName;

/** A relation name as the contract writes it: {@code schema.table}, {@code table} (in public) or {@code "my.schema"."t.1"}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TableName.Validator.class)
public @interface TableName {

    String message() default "is not a table name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TableName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Messages.accepted(context, "is not a table name (schema.table, or \"my.schema\".\"t.1\" for names with dots): ",
                    () -> QualifiedName.parse(value));
        }
    }
}
