package org.mimeo.api.request;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Scalars read as the contract writes them. JSON-B's defaults coerce ({@code "yes"} becomes false, a
 * number becomes a string); a request says what it means or is refused, naming the field. Integers may
 * also come as strings of digits, as the API always took them.
 */
public final class StrictScalars {

    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,19}");

    private StrictScalars() {
    }

    /** A value of the wrong kind; JSON-B reports it with the property's name. */
    public static final class Problem extends JsonbException {
        Problem(String message) {
            super(message);
        }
    }

    public static final class Booleans implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw new Problem("must be true or false");
        }
    }

    public static final class Strings implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonString s) {
                return s.getString();
            }
            throw new Problem("must be a string (or an array of strings where a list is expected)");
        }
    }

    /** For fields whose text may be written as a number: boundaries, last values, repull bounds. */
    public static final class TextOrNumber implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonString s) {
                return s.getString();
            }
            if (value instanceof JsonNumber n) {
                return n.toString();
            }
            throw new Problem("must be a string or a number");
        }
    }

    public static final class Integers implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigInteger value = integer(parser.getValue());
            if (value == null) {
                return null;
            }
            if (value.bitLength() > 31) {
                throw new Problem("is out of range");
            }
            return value.intValue();
        }
    }

    public static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigInteger value = integer(parser.getValue());
            if (value == null) {
                return null;
            }
            if (value.bitLength() > 63) {
                throw new Problem("is out of range");
            }
            return value.longValue();
        }
    }

    private static BigInteger integer(JsonValue value) {
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            return n.bigIntegerValue();
        }
        if (value instanceof JsonString s && DIGITS.matcher(s.getString().strip()).matches()) {
            return new BigInteger(s.getString().strip());
        }
        throw new Problem("must be an integer");
    }
}
