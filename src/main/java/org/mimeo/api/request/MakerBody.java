package org.mimeo.api.request;

import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.util.Arrays;
import java.util.List;
import org.mimeo.replication.MakeRequest;
import org.mimeo.sql.QualifiedName;

/**
 * The body of POST /replications: its {@code type} picks the record, so a field that does not apply to
 * the type is not a field of its record. Fields a type does not have read as absent here.
 */
@JsonbTypeInfo(key = "type", value = {
        @JsonbSubtype(alias = "snap", type = SnapMaker.class),
        @JsonbSubtype(alias = "table", type = TableMaker.class),
        @JsonbSubtype(alias = "inserter", type = InserterMaker.class),
        @JsonbSubtype(alias = "updater", type = UpdaterMaker.class),
        @JsonbSubtype(alias = "dml", type = DmlMaker.class),
        @JsonbSubtype(alias = "logdel", type = LogdelMaker.class)})
public sealed interface MakerBody permits SnapMaker, TableMaker, InserterMaker, UpdaterMaker, DmlMaker, LogdelMaker {

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
        return Arrays.stream(MakerBody.class.getAnnotation(JsonbTypeInfo.class).value()).map(JsonbSubtype::alias).sorted().toList();
    }

    /** The contract's type name of a maker record. */
    static String typeOf(Class<?> record) {
        return Arrays.stream(MakerBody.class.getAnnotation(JsonbTypeInfo.class).value()).filter(s -> s.type() == record)
                .map(JsonbSubtype::alias).findFirst().orElseThrow();
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
}
