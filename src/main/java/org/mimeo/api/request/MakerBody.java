package org.mimeo.api.request;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.validation.Valid;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.MakeRequest;
import org.mimeo.sql.QualifiedName;

/**
 * The body of POST /replications, one flat JSON object: its {@code type}, the fields every maker has
 * ({@link MakerShared}) and those of the type ({@link TypeFields}), whose record the type picks, so a
 * field another type has is refused as not applying.
 * <p>
 * Why not {@code @JsonbTypeInfo}: Yasson (WildFly's JSON-B, 3.0.x) binds a polymorphic type by replaying
 * the buffered object through a parser that cannot tell a JSON string from a number or a boolean, so the
 * strict scalar reading of {@link StrictScalars} would not work inside makers ({@code "index": "yes"} would
 * silently read as false). {@link ByType} is the same switch as a JSON-B deserializer.
 */
@JsonbTypeDeserializer(MakerBody.ByType.class)
public record MakerBody(String type, @Valid MakerShared shared, @Valid TypeFields specific) {

    /** The contract's type names and the records of their fields. */
    public static final Map<String, Class<? extends TypeFields>> TYPES = Map.of("snap", TypeFields.Snap.class, "table", TypeFields.Table.class,
            "inserter", TypeFields.Inserter.class, "updater", TypeFields.Updater.class, "dml", TypeFields.Queue.class, "logdel", TypeFields.Queue.class);

    /** The contract's type names, sorted. */
    public static List<String> types() {
        return TYPES.keySet().stream().sorted().toList();
    }

    /** The type names whose fields {@code record} holds ("dml or logdel"). */
    static String typesOf(Class<?> record) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == record).map(Map.Entry::getKey).sorted().collect(Collectors.joining(" or "));
    }

    /** The maker's request with the defaults of the contract; {@code period} as the database normalised it. */
    public MakeRequest toMakeRequest(String normalisedPeriod) {
        String source = QualifiedName.parse(shared.sourceTable()).text();
        String dest = shared.destTable() == null ? source : QualifiedName.parse(shared.destTable()).text();
        String condition = shared.condition() == null || shared.condition().isBlank() ? null : shared.condition();
        return new MakeRequest(type, shared.sourceId(), source, dest, !Boolean.FALSE.equals(shared.index()), shared.filter(), condition,
                !Boolean.FALSE.equals(shared.pullData()), normalisedPeriod, shared.batchLimit(), specific.sequences(),
                Boolean.TRUE.equals(specific.truncateCascade()), specific.controlField(), specific.boundary(), specific.pkName(), specific.pkType(),
                !Boolean.FALSE.equals(specific.insertOnFetch()), specific.faultAfter());
    }

    /** Reads the type, then binds the shared fields and the rest to the type's record (which refuses what it does not have). */
    public static final class ByType implements JsonbDeserializer<MakerBody> {

        private static final Set<String> SHARED = Arrays.stream(MakerShared.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());

        @Override
        public MakerBody deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonObject body;
            try {
                body = parser.getObject();
            } catch (IllegalStateException | NoSuchElementException e) {
                throw new RequestRefusal(MimeoMessages.MSG.notAnObject());
            }
            if (!(body.get("type") instanceof JsonString name)) {
                throw new RequestRefusal(MimeoMessages.MSG.typeRequired(types()));
            }
            Class<? extends TypeFields> fields = TYPES.get(name.getString());
            if (fields == null) {
                throw new RequestRefusal(MimeoMessages.MSG.unknownType(name.getString(), types()));
            }
            JsonObjectBuilder shared = Json.createObjectBuilder();
            JsonObjectBuilder specific = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> field : body.entrySet()) {
                if (SHARED.contains(field.getKey())) {
                    shared.add(field.getKey(), field.getValue());
                } else if (!field.getKey().equals("type")) {
                    specific.add(field.getKey(), field.getValue());
                }
            }
            return new MakerBody(name.getString(), RequestJsonb.get().fromJson(shared.build().toString(), MakerShared.class),
                    RequestJsonb.get().fromJson(specific.build().toString(), fields));
        }
    }
}
