package org.mimeo.api.request;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * A {@code password} field that is present: {@code value} null means "no password". JSON-B gives an absent
 * field and a null one alike as null; PUT /sources keeps the stored password only when the field is absent,
 * so a present field is read into this record, and an absent one stays null.
 */
@JsonbTypeDeserializer(PasswordField.Reader.class)
public record PasswordField(String value) {

    public static final class Reader implements JsonbDeserializer<PasswordField> {
        @Override
        public PasswordField deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL || value instanceof JsonString) {
                return new PasswordField(value instanceof JsonString s ? s.getString() : null);
            }
            throw new StrictScalars.Problem("must be a string or null");
        }
    }
}
