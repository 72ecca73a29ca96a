package org.mimeo.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mimeo.error.MimeoException;

/** A request body read strictly: unknown fields and wrong types are 400 invalid_request, naming the field. */
final class JsonBody {

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    static JsonBody parse(String text, Set<String> allowed) {
        if (text == null || text.isBlank()) {
            return new JsonBody(JsonValue.EMPTY_JSON_OBJECT);
        }
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw MimeoException.invalid("The request body must be a JSON object");
            }
            object = value.asJsonObject();
        } catch (JsonException e) {
            throw MimeoException.invalid("The request body is not valid JSON: " + e.getMessage());
        }
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw MimeoException.invalid("Unknown field '" + key + "'; allowed fields: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return new JsonBody(object);
    }

    boolean has(String field) {
        return object.containsKey(field) && object.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    boolean present(String field) {
        return object.containsKey(field);
    }

    String string(String field) {
        if (!has(field)) {
            return null;
        }
        JsonValue v = object.get(field);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw MimeoException.invalid("Field '" + field + "' must be a string");
    }

    String requiredString(String field) {
        String value = string(field);
        if (value == null || value.isBlank()) {
            throw MimeoException.invalid("Field '" + field + "' is required");
        }
        return value;
    }

    Boolean bool(String field) {
        if (!has(field)) {
            return null;
        }
        JsonValue v = object.get(field);
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        throw MimeoException.invalid("Field '" + field + "' must be true or false");
    }

    boolean bool(String field, boolean defaultValue) {
        Boolean value = bool(field);
        return value == null ? defaultValue : value;
    }

    /** A string or a number, as text. */
    String scalarText(String field) {
        if (!has(field)) {
            return null;
        }
        JsonValue v = object.get(field);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        throw MimeoException.invalid("Field '" + field + "' must be a string or a number");
    }

    Long integer(String field) {
        if (!has(field)) {
            return null;
        }
        JsonValue v = object.get(field);
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.longValueExact();
        }
        if (v instanceof JsonString s && s.getString().strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(s.getString().strip());
        }
        throw MimeoException.invalid("Field '" + field + "' must be an integer");
    }

    Integer int32(String field) {
        Long value = integer(field);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw MimeoException.invalid("Field '" + field + "' is out of range");
        }
        return value.intValue();
    }

    List<String> strings(String field) {
        if (!has(field)) {
            return null;
        }
        JsonValue v = object.get(field);
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw MimeoException.invalid("Field '" + field + "' must be an array of strings");
        }
        List<String> result = new ArrayList<>();
        for (JsonValue item : v.asJsonArray()) {
            if (!(item instanceof JsonString s) || s.getString().isEmpty()) {
                throw MimeoException.invalid("Field '" + field + "' must be an array of non-empty strings");
            }
            result.add(s.getString());
        }
        return result;
    }
}
