package org.mimeo.api.request;

import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Binds and validates request bodies as the API does, without a server. */
final class Requests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private Requests() {
    }

    static <T> T bind(String json, Class<T> type) {
        return RequestJsonb.get().fromJson(json, type);
    }

    /** The answer's message for a body that does not bind. */
    static String bindingProblem(String json, Class<?> type, boolean testHooks) {
        JsonbException e = assertThrows(JsonbException.class, () -> bind(json, type));
        return RequestProblems.binding(e, testHooks);
    }

    /** The answer's message for the violations of {@code body} (empty when valid). */
    static <T> String violations(T body, boolean testHooks, Class<?>... kindGroups) {
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(body, groups(testHooks, kindGroups));
        return violations.isEmpty() ? "" : RequestProblems.violations(violations);
    }

    static Class<?>[] groups(boolean testHooks, Class<?>... kindGroups) {
        List<Class<?>> groups = new ArrayList<>(List.of(kindGroups));
        groups.add(Default.class);
        if (!testHooks) {
            groups.add(TestHook.Off.class);
        }
        return groups.toArray(Class<?>[]::new);
    }
}
