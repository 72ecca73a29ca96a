package org.mimeo.api.request;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.MakeRequest;
import org.mimeo.sql.QualifiedName;

/**
 * The body of POST /replications: its {@code type} picks the record, so a field that does not apply to
 * the type is not a field of its record. Fields a type does not have read as absent here.
 * <p>
 * Why not {@code @JsonbTypeInfo}: Yasson (WildFly's JSON-B, 3.0.x) binds a polymorphic type by replaying
 * the buffered object through a parser that cannot tell a JSON string from a number or a boolean, so the
 * strict scalar reading of {@link StrictScalars} would not work inside makers and {@code "index": "yes"}
 * would silently read as false. {@link ByType} is the same switch as a JSON-B deserializer: it reads the
 * object, picks the record by {@link #TYPES} and binds the rest of the object to it.
 */
@JsonbTypeDeserializer(MakerBody.ByType.class)
public sealed interface MakerBody permits SnapMaker, TableMaker, InserterMaker, UpdaterMaker, DmlMaker, LogdelMaker {

    /** The contract's type names and their records. */
    Map<String, Class<? extends MakerBody>> TYPES = Map.of("snap", SnapMaker.class, "table", TableMaker.class, "inserter", InserterMaker.class,
            "updater", UpdaterMaker.class, "dml", DmlMaker.class, "logdel", LogdelMaker.class);

    String sourceTable();

    Integer sourceId();

    String destTable();

    Boolean index();

    List<String> filter();

    String condition();

    Boolean pullData();

    String period();

    Integer batchLimit();

    default List<String> sequences() {
        return null;
    }

    default Boolean truncateCascade() {
        return null;
    }

    default String controlField() {
        return null;
    }

    default String boundary() {
        return null;
    }

    default List<String> pkName() {
        return null;
    }

    default List<String> pkType() {
        return null;
    }

    default Boolean insertOnFetch() {
        return null;
    }

    default String faultAfter() {
        return null;
    }

    /** The type names of the contract, sorted. */
    static List<String> types() {
        return TYPES.keySet().stream().sorted().toList();
    }

    /** The contract's type name of a maker record. */
    static String typeOf(Class<?> record) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == record).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** The maker's request with the defaults of the contract; {@code period} as the database normalised it. */
    default MakeRequest toMakeRequest(String normalisedPeriod) {
        String source = QualifiedName.parse(sourceTable()).text();
        String dest = destTable() == null ? source : QualifiedName.parse(destTable()).text();
        String condition = condition() == null || condition().isBlank() ? null : condition();
        return new MakeRequest(typeOf(getClass()), sourceId(), source, dest, !Boolean.FALSE.equals(index()), filter(), condition,
                !Boolean.FALSE.equals(pullData()), normalisedPeriod, batchLimit(), sequences(), Boolean.TRUE.equals(truncateCascade()),
                controlField(), boundary(), pkName(), pkType(), !Boolean.FALSE.equals(insertOnFetch()), faultAfter());
    }

    /** Binds a maker body to the record of its {@code type}. */
    final class ByType implements JsonbDeserializer<MakerBody> {
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
            Class<? extends MakerBody> record = TYPES.get(name.getString());
            if (record == null) {
                throw new RequestRefusal(MimeoMessages.MSG.unknownType(name.getString(), types()));
            }
            return RequestJsonb.get().fromJson(Json.createObjectBuilder(body).remove("type").build().toString(), record);
        }
    }
}
