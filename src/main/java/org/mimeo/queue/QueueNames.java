package org.mimeo.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * Names of the objects a dml/logdel replication creates on its source: queue table, trigger function
 * (in the source schema named like the destination's config schema) and triggers on the source table.
 * They carry the source schema and table and a tag derived from the destination, so several
 * destinations of one source table never collide, and they stay within 63 bytes.
 */
record QueueNames(QualifiedName queue, QualifiedName function, List<String> statementTriggers, String rowTrigger) {

    /** Every trigger name this replication may have created (statement-level set or row-level one). */
    List<String> allTriggers() {
        List<String> all = new java.util.ArrayList<>(statementTriggers);
        all.add(rowTrigger);
        return all;
    }

    static final String SCHEMA = "mimeo";
    private static final String LONGEST_SUFFIX = "_12345678_trig_upd";

    static QueueNames of(QualifiedName source, QualifiedName destination) {
        String tag = "_" + tag(destination.text());
        String base = Identifiers.truncateForSuffix(source.schema() + "_" + source.table(), LONGEST_SUFFIX);
        return new QueueNames(new QualifiedName(SCHEMA, base + tag + "_q"), new QualifiedName(SCHEMA, base + tag + "_fn"),
                List.of(base + tag + "_trig_ins", base + tag + "_trig_upd", base + tag + "_trig_del", base + tag + "_trig_key"), base + tag + "_trig");
    }

    private static String tag(String destination) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(destination.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
