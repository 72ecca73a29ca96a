package org.mimeo.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mimeo.sql.QualifiedName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueNamesTest {

    @Test
    void namesCarryTheSourceTableAndATagOfTheDestination() {
        QueueNames names = QueueNames.of(QualifiedName.parse("public.orders"), QualifiedName.parse("dst.orders"));
        String base = names.queue().table().substring(0, names.queue().table().length() - "_q".length());
        assertTrue(base.matches("public_orders_[0-9a-f]{8}"), base);
        assertEquals(new QualifiedName("mimeo", base + "_q"), names.queue());
        assertEquals(new QualifiedName("mimeo", base + "_fn"), names.function());
        assertEquals(List.of(base + "_trig_ins", base + "_trig_upd", base + "_trig_del", base + "_trig_key"), names.statementTriggers());
        assertEquals(base + "_trig", names.rowTrigger());
        assertEquals(5, names.allTriggers().size());
    }

    @Test
    void twoDestinationsOfOneSourceTableNeverCollide() {
        QualifiedName source = QualifiedName.parse("public.orders");
        QueueNames one = QueueNames.of(source, QualifiedName.parse("dst.orders"));
        QueueNames other = QueueNames.of(source, QualifiedName.parse("dst.orders_copy"));
        assertNotEquals(one.queue(), other.queue());
        assertNotEquals(one.function(), other.function());
        assertEquals(one, QueueNames.of(source, QualifiedName.parse("dst.orders")), "the same destination always gets the same names");
    }

    @Test
    void longAndMultibyteNamesStayWithin63BytesAndKeepTheirTag() {
        String longTable = "ä".repeat(31);
        QueueNames names = QueueNames.of(new QualifiedName("schema_with_a_long_name", longTable), QualifiedName.parse("dst.x"));
        List<String> all = new ArrayList<>(names.allTriggers());
        all.add(names.queue().table());
        all.add(names.function().table());
        for (String name : all) {
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 63, name);
        }
        String tag = names.rowTrigger().substring(names.rowTrigger().length() - "_12345678_trig".length());
        assertTrue(tag.matches("_[0-9a-f]{8}_trig"), tag);
        assertTrue(names.statementTriggers().stream().allMatch(t -> t.startsWith(names.rowTrigger())));
    }
}
