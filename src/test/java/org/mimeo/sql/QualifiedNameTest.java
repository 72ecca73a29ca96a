package org.mimeo.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QualifiedNameTest {

    @Test
    void splitsOnTheFirstDotAndDefaultsToPublic() {
        assertEquals(new QualifiedName("mimeo_source", "Snap-test-Source"), QualifiedName.parse("mimeo_source.Snap-test-Source"));
        assertEquals(new QualifiedName("public", "orders"), QualifiedName.parse("orders"));
        assertEquals(new QualifiedName("s", "t.1"), QualifiedName.parse("s.t.1"));
    }

    @Test
    void acceptsTheDoubleQuotedFormForNamesWithDots() {
        QualifiedName name = QualifiedName.parse("\"my.schema\".\"t \"\"1\"\"\"");
        assertEquals(new QualifiedName("my.schema", "t \"1\""), name);
        assertEquals("\"my.schema\".\"t \"\"1\"\"\"", name.sql());
        assertEquals(name, QualifiedName.parse(name.text()));
    }

    @Test
    void quotesEveryPart() {
        assertEquals("\"public\".\"group\"", QualifiedName.parse("group").sql());
        assertEquals("\"S\".\"Order-Items\"", QualifiedName.parse("S.Order-Items").sql());
        assertEquals("s.t", QualifiedName.parse("s.t").text());
    }

    @Test
    void rejectsEmptyOverlongAndUnterminatedNames() {
        assertThrows(IllegalArgumentException.class, () -> QualifiedName.parse(""));
        assertThrows(IllegalArgumentException.class, () -> QualifiedName.parse("s."));
        assertThrows(IllegalArgumentException.class, () -> QualifiedName.parse("s." + "x".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> QualifiedName.parse("\"open.t"));
    }

    @Test
    void suffixedNamesStayWithin63BytesAndKeepTheirSuffix() {
        QualifiedName longName = new QualifiedName("s", "é".repeat(31));
        QualifiedName snap = longName.withSuffix("_snap1");
        assertEquals("_snap1", snap.table().substring(snap.table().length() - 6));
        assertEquals(true, snap.table().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63);
    }
}
