package org.mimeo.source;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConnInfoTest {

    @Test
    void turnsLibpqConninfoIntoAJdbcUrl() {
        assertEquals("jdbc:postgresql://db.example:6432/sales", ConnInfo.parse("host=db.example port=6432 dbname=sales").jdbcUrl());
        assertEquals("jdbc:postgresql://localhost:5432/my%20db?sslmode=require",
                ConnInfo.parse("dbname='my db' sslmode=require").jdbcUrl());
        assertEquals("jdbc:postgresql://a:5432,b:5433/d", ConnInfo.parse("host=a,b port=5432,5433 dbname=d").jdbcUrl());
    }

    @Test
    void readsQuotedValuesWithEscapes() {
        assertEquals("it's", ConnInfo.parseKeyValues("application_name='it\\'s'").get("application_name"));
        assertEquals("x y", ConnInfo.parseKeyValues("dbname = 'x y'").get("dbname"));
    }

    @Test
    void keepsJdbcUrlsAsTheyAre() {
        assertEquals("jdbc:postgresql://h:1/d?ssl=true", ConnInfo.parse("jdbc:postgresql://h:1/d?ssl=true").jdbcUrl());
    }

    @Test
    void refusesCredentialsUnknownKeysAndMissingDatabase() {
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("host=h dbname=d password=x"));
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("jdbc:postgresql://h/d?password=x"));
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("host=h dbname=d frobnicate=1"));
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("host=h"));
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("host=h dbname='d"));
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("host=h port=abc dbname=d"));
    }
}
