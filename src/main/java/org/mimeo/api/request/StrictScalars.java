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

    /** JSON null is Java null; any other value is read by {@link #read}. */
    abstract static class Reader<T> implements JsonbDeserializer<T> {
        @Override
        public T deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return value == JsonValue.NULL ? null : read(value);
        }

        abstract T read(JsonValue value);
    }

    public static final class Booleans extends Reader<Boolean> {
        @Override
        Boolean read(JsonValue value) {
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw new Problem("must be true or false");
        }
    }

    public static final class Strings extends Reader<String> {
        @Override
        String read(JsonValue value) {
            if (value instanceof JsonString s) {
                return s.getString();
            }
            throw new Problem("must be a string (or an array of strings where a list is expected)");
        }
    }

    /** For fields whose text may be written as a number: boundaries, last values, repull bounds. */
    public static final class TextOrNumber extends Reader<String> {
        @Override
        String read(JsonValue value) {
            if (value instanceof JsonString || value instanceof JsonNumber) {
                return value instanceof JsonString s ? s.getString() : value.toString();
            }
            throw new Problem("must be a string or a number");
        }
    }

    public static final class Integers extends Reader<Integer> {
        @Override
        Integer read(JsonValue value) {
            return integer(value, 31).intValue();
        }
    }

    public static final class Longs extends Reader<Long> {
        @Override
        Long read(JsonValue value) {
            return integer(value, 63).longValue();
        }
    }

    /** A JSON integer or a string of digits, within {@code bits} (plus sign). */
    private static BigInteger integer(JsonValue value, int bits) {
        BigInteger number;
        if (value instanceof JsonNumber n && n.isIntegral()) {
            number = n.bigIntegerValue();
        } else if (value instanceof JsonString s && DIGITS.matcher(s.getString().strip()).matches()) {
            number = new BigInteger(s.getString().strip());
        } else {
            throw new Problem("must be an integer");
        }
        if (number.bitLength() > bits) {
            throw new Problem("is out of range");
        }
        return number;
    }
}
