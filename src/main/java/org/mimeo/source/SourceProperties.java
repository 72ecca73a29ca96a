package org.mimeo.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * The connection properties a source's {@code dataSource} may set. Only values pass: nothing that names a
 * class the driver would load (socketFactory, sslfactory, authenticationPluginClassName...), a file it would
 * write (loggerFile), a credential (user, password, sslpassword), a pg_service.conf entry (service, which
 * could bring in any of those), or anything that changes how Mimeo's own statements run on the source
 * (readOnly, preferQueryMode, autosave, replication...). The certificate and key files it may name are only read.
 */
final class SourceProperties {

    private static final String TEXT = "[^\\p{Cntrl}]*";
    private static final String PATH = "[^\\p{Cntrl}]+";
    private static final String BOOL = "true|false";
    private static final String SECONDS = "\\d{1,7}";

    /** JDBC property name → the values it accepts. Names are case-sensitive, as pgjdbc's are. */
    private static final Map<String, Pattern> JDBC = new LinkedHashMap<>();

    /** libpq conninfo key → JDBC property name, and how the value translates. */
    private static final Map<String, Map.Entry<String, UnaryOperator<String>>> LIBPQ = new LinkedHashMap<>();

    private static final String CREDENTIALS = "dataSource must not contain user or password; give them as 'username' and 'password'";

    static {
        jdbc("ssl", "|" + BOOL);
        jdbc("sslmode", "disable|allow|prefer|require|verify-ca|verify-full");
        jdbc("sslrootcert", PATH);
        jdbc("sslcert", PATH);
        jdbc("sslkey", PATH);
        jdbc("sslNegotiation", "postgres|direct");
        jdbc("sslResponseTimeout", "\\d{1,9}");
        jdbc("gssEncMode", "disable|allow|prefer|require");
        jdbc("channelBinding", "disable|prefer|require");
        jdbc("requireAuth", "!?[a-z0-9-]+(,!?[a-z0-9-]+)*");
        jdbc("connectTimeout", SECONDS);
        jdbc("loginTimeout", SECONDS);
        jdbc("socketTimeout", SECONDS);
        jdbc("cancelSignalTimeout", SECONDS);
        jdbc("tcpKeepAlive", BOOL);
        jdbc("ApplicationName", TEXT);
        jdbc("options", TEXT);
        jdbc("targetServerType", "any|primary|master|secondary|slave|preferPrimary|preferSecondary|preferSlave");
        jdbc("loadBalanceHosts", BOOL);

        libpq("sslmode", "sslmode", null);
        libpq("sslrootcert", "sslrootcert", null);
        libpq("sslcert", "sslcert", null);
        libpq("sslkey", "sslkey", null);
        libpq("sslnegotiation", "sslNegotiation", null);
        libpq("gssencmode", "gssEncMode", null);
        libpq("channel_binding", "channelBinding", null);
        libpq("require_auth", "requireAuth", null);
        libpq("connect_timeout", "connectTimeout", null);
        libpq("keepalives", "tcpKeepAlive", Map.of("1", "true", "0", "false"));
        libpq("application_name", "ApplicationName", null);
        libpq("options", "options", null);
        libpq("target_session_attrs", "targetServerType", Map.of("any", "any", "read-write", "primary", "primary", "primary",
                "read-only", "secondary", "standby", "secondary", "prefer-standby", "preferSecondary"));
        libpq("load_balance_hosts", "loadBalanceHosts", Map.of("disable", "false", "random", "true"));
    }

    private SourceProperties() {
    }

    private static void jdbc(String name, String values) {
        JDBC.put(name, Pattern.compile(values));
    }

    private static void libpq(String key, String jdbcName, Map<String, String> values) {
        UnaryOperator<String> translate = values == null ? UnaryOperator.identity() : v -> {
            String translated = values.get(v);
            if (translated == null) {
                throw new IllegalArgumentException("dataSource key '" + key + "' has an invalid value '" + v + "'; allowed: "
                        + String.join(", ", values.keySet().stream().sorted().toList()));
            }
            return translated;
        };
        LIBPQ.put(key, Map.entry(jdbcName, translate));
    }

    /** The JDBC name and value of a libpq conninfo setting (other than host, hostaddr, port, dbname). */
    static Map.Entry<String, String> fromLibpq(String key, String value) {
        if (key.equals("user") || key.equals("password") || key.equals("sslpassword")) {
            throw new IllegalArgumentException(CREDENTIALS);
        }
        Map.Entry<String, UnaryOperator<String>> mapping = LIBPQ.get(key);
        if (mapping == null) {
            throw new IllegalArgumentException("dataSource key '" + key + "' is not supported; supported: host, hostaddr, port, dbname, "
                    + String.join(", ", LIBPQ.keySet()));
        }
        return Map.entry(mapping.getKey(), mapping.getValue().apply(value));
    }

    /**
     * Refuses a {@code jdbc:postgresql:} URL that pgjdbc cannot parse or whose query sets anything but an allowed
     * property to an allowed value. The query's names are checked as written: pgjdbc would otherwise let
     * {@code ?host=...} or {@code ?PGPORT=...} replace the URL's own host and port.
     */
    static void checkJdbcUrl(String url) {
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String token : url.substring(query + 1).split("&")) {
                if (!token.isEmpty()) {
                    checkName(token.contains("=") ? token.substring(0, token.indexOf('=')) : token);
                }
            }
        }
        Properties parsed = Driver.parseURL(url, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException("dataSource is not a valid jdbc:postgresql URL (expected jdbc:postgresql://host:port/database?property=value&...)");
        }
        for (Map.Entry<String, Pattern> allowed : JDBC.entrySet()) {
            String value = parsed.getProperty(allowed.getKey());
            if (value != null && !allowed.getValue().matcher(value).matches()) {
                throw new IllegalArgumentException("dataSource property '" + allowed.getKey() + "' has an invalid value '" + value
                        + "'; expected " + allowed.getValue().pattern());
            }
        }
    }

    private static void checkName(String name) {
        if (name.equals("user") || name.equals("password") || name.equals("sslpassword")) {
            throw new IllegalArgumentException(CREDENTIALS);
        }
        if (!JDBC.containsKey(name)) {
            throw new IllegalArgumentException("dataSource property '" + name + "' is not allowed; allowed: " + String.join(", ", JDBC.keySet()));
        }
    }
}
