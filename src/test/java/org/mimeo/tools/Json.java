package org.mimeo.tools;

import jakarta.json.JsonObjectBuilder;

/** Builds small JSON request bodies. */
public final class Json {

    private Json() {
    }

    /** {@code object("a", 1, "b", "x", "c", false)}: values may be String, Number or Boolean. */
    public static String object(Object... keyValues) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            String k = (String) keyValues[i];
            Object v = keyValues[i + 1];
            if (v instanceof String s) {
                b.add(k, s);
            } else if (v instanceof Integer n) {
                b.add(k, n);
            } else if (v instanceof Long n) {
                b.add(k, n);
            } else if (v instanceof Boolean f) {
                b.add(k, f);
            } else {
                throw new IllegalArgumentException("unsupported JSON value " + v);
            }
        }
        return b.build().toString();
    }
}
