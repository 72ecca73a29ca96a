package org.mimeo.api.request;

import jakarta.validation.ConstraintValidatorContext;

/** Violation texts that carry request text: escaped, so nothing a client sends is read as a message template. */
final class Messages {

    private Messages() {
    }

    static void replace(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
