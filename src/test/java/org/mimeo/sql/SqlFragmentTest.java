package org.mimeo.sql;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlFragmentTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "WHERE id > 1",
            "WHERE v = 'a;b'",
            "WHERE v = 'it''s; fine'",
            "WHERE v = E'a\\'; still inside'",
            "WHERE v = e'tab\\t;'",
            "WHERE \"odd;col\" = 1",
            "WHERE \"a\"\"b;\" = 1",
            "WHERE v = $$x; y$$",
            "WHERE v = $tag$ $$ ; ' \" $tag$",
            "WHERE v = $a1$;$a1$",
            "WHERE id > 1 -- trailing; comment",
            "WHERE id > 1 /* a; /* nested; */ still comment; */ AND id < 5",
            "WHERE (id > 1 AND (v IS NULL OR v <> ')'))",
            "WHERE id IN (SELECT x FROM other WHERE y = ';')",
            ", other_table WHERE other_table.id = t.id",
            "WHERE v ~ '\\d+'",
            "WHERE v = U&'d\\0061t'",
            "WHERE v = $1",
            "WHERE a$b$ = 1",
            "WHERE 1.5e3 > 1",
            "WHERE v::text = 'x'",
            "WHERE id > 1 --"
    })
    void acceptsConditions(String condition) {
        assertEquals(java.util.Optional.empty(), SqlFragment.conditionProblem(condition), condition);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "WHERE id > 1; DROP TABLE t",
            "WHERE id > 1;",
            "WHERE v = 'a'; DROP TABLE t; --'",
            "WHERE v = E'a\\''; DROP TABLE t; --",
            "WHERE v = 'a\\''; DROP TABLE t; --'",
            "WHERE v = '\\''; DROP TABLE t; --'",
            "WHERE \"x\"; DROP TABLE t",
            "WHERE id > 1 /* c */; DROP TABLE t",
            "WHERE id > 1 -- c\n; DROP TABLE t",
            "WHERE id > 1 -- c\r; DROP TABLE t",
            "WHERE id > 1) UNION SELECT * FROM secrets --",
            "WHERE id > 1) AS x; DROP TABLE t; SELECT (1",
            "WHERE (id > 1",
            "WHERE v = 'open",
            "WHERE \"open",
            "WHERE v = $$open",
            "WHERE v = $a$open$b$",
            "WHERE id /* open",
            "WHERE id /* one /* two */ still open",
            "WHERE x$$; DROP TABLE t; $$ = 1 AND $$",
            "WHERE v = 1E'\\''; DROP TABLE t; --'",
            "WHERE v = '\u0000'"
    })
    void refusesConditions(String condition) {
        assertTrue(SqlFragment.conditionProblem(condition).isPresent(), condition);
    }

    @Test
    void problemsSayWhatIsWrong() {
        assertTrue(SqlFragment.conditionProblem("WHERE a = 1; DROP TABLE t").orElseThrow().contains("';'"));
        assertTrue(SqlFragment.conditionProblem("WHERE a = 1)").orElseThrow().contains("character 12"));
        assertTrue(SqlFragment.conditionProblem("WHERE (a = 1").orElseThrow().contains("open"));
        assertTrue(SqlFragment.conditionProblem("WHERE a = 'x").orElseThrow().contains("unterminated string literal"));
        assertTrue(SqlFragment.conditionProblem("WHERE a = /* x").orElseThrow().contains("unterminated block comment"));
        assertTrue(SqlFragment.conditionProblem("WHERE a = 'C:\\'").orElseThrow().contains("standard_conforming_strings"));
    }

    @Test
    void scanFindsSeparatorsAndDepth() {
        SqlFragment.Scan scan = SqlFragment.scan("SELECT ';' ; SELECT (1; 2", false);
        assertEquals(List.of(11, 22), scan.semicolons());
        assertEquals(1, scan.openParens());
        assertEquals(-1, scan.strayCloseAt());
        assertNull(scan.unterminated());
        assertFalse(scan.nul());
        SqlFragment.Scan stray = SqlFragment.scan("a) (b", false);
        assertEquals(1, stray.strayCloseAt());
        assertEquals("dollar-quoted string", SqlFragment.scan("$q$ abc $Q$", false).unterminated());
        assertEquals("quoted identifier", SqlFragment.scan("\"abc\"\"", false).unterminated());
    }

    @Test
    void backslashesDependOnTheStringKind() {
        // standard string: the backslash is a plain character, the string ends at the second quote
        assertEquals(List.of(5), SqlFragment.scan("'a\\' ;", false).semicolons());
        // the same with backslash escapes: the quote is escaped, the string never ends
        assertEquals("string literal", SqlFragment.scan("'a\\' ;", true).unterminated());
        // E'' strings always escape; an identifier ending in e does not make one
        assertEquals("string literal", SqlFragment.scan("E'a\\' ;", false).unterminated());
        assertEquals(List.of(9), SqlFragment.scan("some'a\\' ;", false).semicolons());
    }

    @Test
    void dollarQuotesNeedATagOrNothingBetweenTheDollars() {
        assertEquals(List.of(), SqlFragment.scan("$body$ ; $body$", false).semicolons());
        assertEquals(List.of(3), SqlFragment.scan("$1 ; $2", false).semicolons());
        // inside an identifier $ is an identifier character, not a quote
        assertEquals(List.of(6), SqlFragment.scan("ab$c$ ; $c$", false).semicolons().subList(0, 1));
        // a tag is case sensitive
        assertEquals("dollar-quoted string", SqlFragment.scan("$a$ ; $A$", false).unterminated());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ANALYZE dst.t",
            "ANALYZE dst.t;",
            "ANALYZE dst.t ;  ",
            "ANALYZE dst.t; -- done",
            "ANALYZE dst.t; /* done; really */",
            "INSERT INTO log VALUES ('a;b')",
            "DO $$BEGIN PERFORM 1; PERFORM 2; END$$",
            "DO $fn$BEGIN RAISE NOTICE 'x;'; END$fn$;"
    })
    void acceptsSingleStatements(String statement) {
        String kept = SqlFragment.singleStatement(statement);
        assertTrue(statement.startsWith(kept), kept);
        assertFalse(SqlFragment.scan(kept, false).semicolons().size() > 0, kept);
    }

    @Test
    void stripsOneTrailingSemicolon() {
        assertEquals("ANALYZE dst.t", SqlFragment.singleStatement("ANALYZE dst.t;"));
        assertEquals("ANALYZE dst.t ", SqlFragment.singleStatement("ANALYZE dst.t ; -- x"));
        assertEquals("SELECT ';'", SqlFragment.singleStatement("SELECT ';'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ANALYZE a; ANALYZE b",
            "ANALYZE a;;",
            "ANALYZE a; DROP TABLE t; --",
            "SELECT 'x'; DROP TABLE t",
            "SELECT 'open",
            "SELECT 1 /* open",
            "SELECT $$open",
            "SELECT '\\''; DROP TABLE t; --'",
            "ANALYZE a; /* c */ DROP TABLE t"
    })
    void refusesSeveralStatements(String statement) {
        assertThrows(IllegalArgumentException.class, () -> SqlFragment.singleStatement(statement), statement);
    }
}
