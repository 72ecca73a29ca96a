package org.mimeo.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mimeo.api.request.TestHook;
import org.mimeo.internal.TestHooks;

/**
 * Bean Validation of request records: the default rules, the rules of a replication's kind, and, on a
 * server without the test switch, the refusal of test hooks. Every violation at once (see ErrorMappers).
 */
@ApplicationScoped
public class RequestValidator {

    @Inject
    Validator validator;

    public <T> T valid(T body, Class<?>... kindGroups) {
        Set<ConstraintViolation<T>> violations = validator.validate(body, groups(kindGroups));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    /** Only the named properties (those a PATCH sets). */
    public <T> T validProperties(T body, Set<String> properties, Class<?>... kindGroups) {
        Set<ConstraintViolation<T>> violations = new HashSet<>();
        for (String property : properties) {
            violations.addAll(validator.validateProperty(body, property, groups(kindGroups)));
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    private static Class<?>[] groups(Class<?>... kindGroups) {
        List<Class<?>> groups = new ArrayList<>(List.of(kindGroups));
        groups.add(Default.class);
        if (!TestHooks.enabled()) {
            groups.add(TestHook.Off.class);
        }
        return groups.toArray(Class<?>[]::new);
    }
}
