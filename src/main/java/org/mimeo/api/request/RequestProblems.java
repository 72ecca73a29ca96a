package org.mimeo.api.request;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mimeo.internal.MimeoMessages;

/**
 * What a refused request body is told, naming the field: binding problems (JSON-B) and violations (Bean
 * Validation). Yasson, WildFly's JSON-B, names the property only in its exception texts, read here.
 */
public final class RequestProblems {

    private static final Pattern UNKNOWN = Pattern.compile("Json property (.+) can not be mapped to a class class (\\S+?)\\.?$");
    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '(.+?)' because of: (.*)", Pattern.DOTALL);
    private static final Pattern WRONG_KIND = Pattern.compile("Incorrect position for processing type: .* Allowed: \\[(\\w+)");

    private RequestProblems() {
    }

    /** The message of a body JSON-B could not bind. */
    public static String binding(JsonbException e, boolean testHooks) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof JsonParsingException p) {
                return MimeoMessages.MSG.notJson(p.getMessage());
            }
            if (c instanceof RequestRefusal r) {
                return r.getMessage();
            }
        }
        String text = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = UNKNOWN.matcher(text);
        if (m.find()) {
            return unknownField(m.group(1), m.group(2), testHooks);
        }
        m = PROPERTY.matcher(text);
        if (m.find()) {
            return MimeoMessages.MSG.invalidField(m.group(1), problem(e, m.group(2)));
        }
        if (WRONG_KIND.matcher(text).find()) {
            return MimeoMessages.MSG.notAnObject();
        }
        return MimeoMessages.MSG.notJson(text);
    }

    private static String problem(JsonbException e, String detail) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof StrictScalars.Problem p) {
                return p.getMessage();
            }
        }
        Matcher kind = WRONG_KIND.matcher(detail);
        if (kind.find()) {
            return switch (kind.group(1)) {
                case "START_ARRAY" -> "must be an array";
                case "START_OBJECT" -> "must be an object";
                default -> "must be a single value, not an array or object";
            };
        }
        return "has the wrong type: " + detail;
    }

    /** A field the body's record does not have: unknown, or (for makers) a field of another type. */
    private static String unknownField(String field, String className, boolean testHooks) {
        Class<?> record = requestClass(className);
        if (record == null) {
            return MimeoMessages.MSG.unknownField(field, "see the REST contract");
        }
        if (TypeFields.class.isAssignableFrom(record)) {
            for (Class<?> other : MakerBody.TYPES.values()) {
                if (fields(other, testHooks).contains(field)) {
                    return MimeoMessages.MSG.notApplicable(field, MakerBody.typesOf(record));
                }
            }
        }
        return MimeoMessages.MSG.unknownField(field, String.join(", ", fields(record, testHooks)));
    }

    private static Class<?> requestClass(String name) {
        if (!name.startsWith(RequestProblems.class.getPackageName() + ".")) {
            return null;
        }
        try {
            return Class.forName(name, false, RequestProblems.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The fields a body of this record may have, sorted; test hooks only with the switch. A maker's are its type's and the shared ones. */
    static Set<String> fields(Class<?> record, boolean testHooks) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            if (testHooks || !c.isAnnotationPresent(TestHook.class)) {
                names.add(c.getName());
            }
        }
        if (TypeFields.class.isAssignableFrom(record)) {
            names.addAll(fields(MakerShared.class, testHooks));
            names.add("type");
        }
        return names;
    }

    /** Every violation, each naming its field; a test hook without the switch reads as an unknown field. */
    public static String violations(Set<? extends ConstraintViolation<?>> violations) {
        List<String> problems = new ArrayList<>();
        violations.stream().sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()).thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> problems.add(describe(v)));
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return MimeoMessages.MSG.invalidFields(problems.size(), String.join("; ", problems.stream().map(RequestProblems::withoutId).toList()));
    }

    private static String describe(ConstraintViolation<?> v) {
        String field = field(v.getPropertyPath());
        if (v.getConstraintDescriptor().getAnnotation() instanceof TestHook) {
            return MimeoMessages.MSG.unknownField(field, String.join(", ", fields(v.getLeafBean().getClass(), false)));
        }
        return MimeoMessages.MSG.invalidField(field, element(v.getPropertyPath()) + v.getMessage());
    }

    /** The request's field: the last property of the path (a maker's fields sit in its parts, {@code shared.period}). */
    private static String field(Path path) {
        String field = path.toString();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                field = node.getName();
            }
        }
        return field;
    }

    /** "element N " (1-based) for a violation inside a list. */
    private static String element(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                return "element " + (node.getIndex() + 1) + " ";
            }
        }
        return "";
    }

    private static String withoutId(String message) {
        return message.replaceFirst("^MIMEO\\d+: ", "");
    }
}
