package org.mimeo.source;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest
    @ValueSource(strings = {"socketFactory=org.example.Evil", "socketFactoryArg=x", "sslfactory=org.postgresql.ssl.NonValidatingFactory",
            "sslfactoryarg=x", "sslhostnameverifier=org.example.AnyHost", "sslpasswordcallback=org.example.Cb",
            "authenticationPluginClassName=org.example.Auth", "loggerFile=/tmp/pg.log", "loggerLevel=TRACE", "service=prod",
            "host=elsewhere", "PGHOST=elsewhere", "PGPORT=1", "PGDBNAME=other", "replication=database", "readOnly=true",
            "preferQueryMode=simple", "autosave=always", "connectExecutor=org.example.Exec", "classLoaderStrategy=context-first",
            "localSocketAddress=10.0.0.1", "xmlFactoryFactory=org.example.Xml", "currentSchema=evil", "SSLMODE=disable",
            "jaasApplicationName=other", "kerberosServerName=x"})
    void refusesJdbcPropertiesOutsideTheAllowlistNamingThemAndTheAllowedOnes(String property) {
        String name = property.substring(0, property.indexOf('='));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnInfo.parse("jdbc:postgresql://h:5432/d?sslmode=require&" + property));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("sslmode, sslrootcert") && e.getMessage().contains("connectTimeout"), e.getMessage());
    }

    @Test
    void refusesCredentialsInEitherForm() {
        for (String ds : List.of("jdbc:postgresql://h/d?user=x", "jdbc:postgresql://h/d?ssl=true&password=x", "jdbc:postgresql://h/d?sslpassword=x",
                "host=h dbname=d user=x", "host=h dbname=d sslpassword=x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse(ds), ds);
            assertTrue(e.getMessage().contains("must not contain user or password"), e.getMessage());
        }
    }

    @Test
    void acceptsAllowedJdbcPropertiesAndChecksTheirValues() {
        String url = "jdbc:postgresql://db1:5432,db2:5433/sales?sslmode=verify-full&sslrootcert=/etc/mimeo/ca%20root.pem&sslcert=/c.pem&sslkey=/k.pk8"
                + "&connectTimeout=5&socketTimeout=600&loginTimeout=10&cancelSignalTimeout=3&tcpKeepAlive=false&ApplicationName=mimeo%20a"
                + "&options=-c%20statement_timeout%3D0&targetServerType=preferSecondary&loadBalanceHosts=true&gssEncMode=disable"
                + "&channelBinding=require&requireAuth=scram-sha-256&sslNegotiation=postgres&sslResponseTimeout=5000&ssl";
        assertEquals(url, ConnInfo.parse(url).jdbcUrl());
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("jdbc:postgresql://h/d?sslmode=verify-everything"));
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("jdbc:postgresql://h/d?connectTimeout=soon"));
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("jdbc:postgresql://h/d?sslrootcert="));
        assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("jdbc:postgresql://h:99999/d"));
    }

    @Test
    void translatesLibpqKeysAndValues() {
        assertEquals("jdbc:postgresql://localhost:26533/d?sslmode=verify-full&sslrootcert=%2Ftmp%2Fca+1.pem",
                ConnInfo.parse("host=localhost port=26533 dbname=d sslmode=verify-full sslrootcert='/tmp/ca 1.pem'").jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/d?targetServerType=primary&tcpKeepAlive=false&loadBalanceHosts=true&connectTimeout=7",
                ConnInfo.parse("host=h dbname=d target_session_attrs=read-write keepalives=0 load_balance_hosts=random connect_timeout=7").jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/d?sslNegotiation=direct&gssEncMode=disable&channelBinding=require&requireAuth=%21password",
                ConnInfo.parse("host=h dbname=d sslnegotiation=direct gssencmode=disable channel_binding=require require_auth=!password").jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/d?targetServerType=preferSecondary",
                ConnInfo.parse("host=h dbname=d target_session_attrs=prefer-standby").jdbcUrl());
    }

    @Test
    void refusesUnsupportedLibpqKeysValuesAndHosts() {
        for (String ds : List.of("host=h dbname=d service=prod", "host=h dbname=d passfile=/p", "host=h dbname=d keepalives_idle=30",
                "host=h dbname=d sslcrl=/c", "host=h dbname=d target_session_attrs=whatever", "host=h dbname=d keepalives=yes",
                "host=h dbname=d sslmode=sometimes", "host=h dbname=d connect_timeout=later", "host=h?socketFactory=x dbname=d",
                "host=/var/run/postgresql dbname=d")) {
            assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse(ds), ds);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnInfo.parse("host=h dbname=d service=prod"));
        assertTrue(e.getMessage().contains("'service'") && e.getMessage().contains("sslrootcert"), e.getMessage());
    }

    @Test
    void mimeosOwnSettingsWinForEveryAcceptedDataSource() {
        for (String ds : List.of("host=h dbname=d application_name=x keepalives=0", "jdbc:postgresql://h/d?ApplicationName=x&tcpKeepAlive=false",
                "jdbc:postgresql://h/d?sslmode=require")) {
            ConnInfo info = ConnInfo.parse(ds);
            // what the driver will use: the URL's query parsed over Mimeo's properties
            Properties effective = Driver.parseURL(info.jdbcUrl(), withLogin(info, "replicator", "s3cret"));
            assertEquals("replicator", effective.getProperty("user"), ds);
            assertEquals("s3cret", effective.getProperty("password"), ds);
            assertEquals("h", effective.getProperty("PGHOST"), ds);
        }
    }

    @Test
    void timeoutsHaveDefaultsThatADataSourceMayOverride() {
        Properties defaults = Driver.parseURL(ConnInfo.parse("host=h dbname=d").jdbcUrl(), ConnInfo.parse("host=h dbname=d").properties());
        assertEquals("600", defaults.getProperty("socketTimeout"));
        assertEquals("10", defaults.getProperty("connectTimeout"));
        assertEquals("true", defaults.getProperty("tcpKeepAlive"));
        ConnInfo shortOne = ConnInfo.parse("jdbc:postgresql://h/d?socketTimeout=5&connectTimeout=2");
        Properties effective = Driver.parseURL(shortOne.jdbcUrl(), shortOne.properties());
        assertEquals("5", effective.getProperty("socketTimeout"));
        assertEquals("2", effective.getProperty("connectTimeout"));
    }

    /** What the source pool hands the driver: Mimeo's properties and, added at connect time, the login. */
    private static Properties withLogin(ConnInfo info, String user, String password) {
        Properties props = info.properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return props;
    }
}
