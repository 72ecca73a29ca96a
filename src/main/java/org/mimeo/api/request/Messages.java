package org.mimeo.api.request;

import jakarta.validation.ConstraintValidatorContext;

/** Violation texts that carry request text: escaped, so nothing a client sends is read as a message template. */
final class Messages {

    private Messages() {
    }

    /** Whether {@code parse} accepts the value; if it throws IllegalArgumentException, its text after {@code problem} is the violation. */
    static boolean accepted(ConstraintValidatorContext context, String problem, Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException e) {
            replace(context, problem + e.getMessage());
            return false;
        }
    }

    static void replace(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
