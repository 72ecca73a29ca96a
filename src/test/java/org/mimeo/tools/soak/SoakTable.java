package org.mimeo.tools.soak;

import org.mimeo.tools.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * One replicated table of the soak: source {@code soak.<mode>_<n>} (id bigint PRIMARY KEY, v text, rev bigint NOT NULL
 * DEFAULT nextval of its own sequence, indexed), replicated to the same name on the destination. Which writes it
 * gets follows what its mode replicates: inserter tables only inserts, updater tables no deletes and no key changes.
 */
public record SoakTable(String mode, int number) {

    /** 4 snap, 3 table, 3 inserter, 3 updater, 4 dml, 3 logdel. */
    public static List<SoakTable> all() {
        List<SoakTable> tables = new ArrayList<>();
        add(tables, "snap", 4);
        add(tables, "table", 3);
        add(tables, "inserter", 3);
        add(tables, "updater", 3);
        add(tables, "dml", 4);
        add(tables, "logdel", 3);
        return List.copyOf(tables);
    }

    private static void add(List<SoakTable> tables, String mode, int count) {
        for (int i = 1; i <= count; i++) {
            tables.add(new SoakTable(mode, i));
        }
    }

    /** Schema-qualified name, the same on source and destination. */
    public String name() {
        return "soak." + mode + "_" + number;
    }

    public String revSequence() {
        return "soak." + mode + "_" + number + "_rev";
    }

    public String idSequence() {
        return "soak." + mode + "_" + number + "_id";
    }

    public boolean updates() {
        return !mode.equals("inserter");
    }

    /** Deletes, revived keys and key changes: not for inserter and updater, which do not replicate them. */
    public boolean deletes() {
        return !mode.equals("inserter") && !mode.equals("updater");
    }

    public boolean logdel() {
        return mode.equals("logdel");
    }

    public boolean snap() {
        return mode.equals("snap");
    }

    /** DDL and the initial rows on the source; new ids come from {@link #idSequence()}, after the initial ones. */
    public String[] createOnSource(int rows) {
        return new String[] {
            "CREATE SEQUENCE " + revSequence(),
            "CREATE SEQUENCE " + idSequence() + " START " + (rows + 1),
            "CREATE TABLE " + name() + " (id bigint PRIMARY KEY, v text, rev bigint NOT NULL DEFAULT nextval('" + revSequence() + "'))",
            "INSERT INTO " + name() + " (id, v) SELECT g, md5(g::text) FROM generate_series(1, " + rows + ") g",
            "CREATE INDEX ON " + name() + " (rev)",
        };
    }

    /** The maker's body: serial control {@code id} (inserter) or {@code rev} (updater), boundary 0, period 3 seconds. */
    public String makerBody(long sourceId, String period) {
        return switch (mode) {
            case "inserter" -> Json.object("type", mode, "sourceId", sourceId, "sourceTable", name(), "controlField", "id",
                    "boundary", 0, "period", period);
            case "updater" -> Json.object("type", mode, "sourceId", sourceId, "sourceTable", name(), "controlField", "rev",
                    "boundary", 0, "period", period);
            default -> Json.object("type", mode, "sourceId", sourceId, "sourceTable", name(), "period", period);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
