package org.mimeo.source;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A source's connection string: libpq {@code key=value} conninfo (as the original mimeo stores it)
 * or a {@code jdbc:postgresql://} URL. Credentials are never part of it; they are kept apart.
 */
public final class ConnInfo {

    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "sslmode", "sslmode",
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "options", "options",
            "sslrootcert", "sslrootcert",
            "sslcert", "sslcert",
            "sslkey", "sslkey",
            "target_session_attrs", "targetServerType");

    private final String jdbcUrl;

    private ConnInfo(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public static ConnInfo parse(String dataSource) {
        if (dataSource == null || dataSource.isBlank()) {
            throw new IllegalArgumentException("dataSource is required: libpq conninfo such as 'host=h port=5432 dbname=d' or a jdbc:postgresql:// URL");
        }
        String text = dataSource.strip();
        if (text.startsWith("jdbc:postgresql:")) {
            if (text.matches("(?i).*[?&](user|password)=.*")) {
                throw new IllegalArgumentException("dataSource must not contain user or password; give them as 'username' and 'password'");
            }
            return new ConnInfo(text);
        }
        Map<String, String> pairs = parseKeyValues(text);
        if (pairs.containsKey("user") || pairs.containsKey("password")) {
            throw new IllegalArgumentException("dataSource must not contain user or password; give them as 'username' and 'password'");
        }
        String host = pairs.getOrDefault("host", pairs.getOrDefault("hostaddr", "localhost"));
        String port = pairs.getOrDefault("port", "5432");
        String dbname = pairs.get("dbname");
        if (dbname == null || dbname.isEmpty()) {
            throw new IllegalArgumentException("dataSource needs dbname=...");
        }
        if (!port.matches("\\d{1,5}(,\\d{1,5})*")) {
            throw new IllegalArgumentException("dataSource has an invalid port: " + port);
        }
        StringBuilder url = new StringBuilder("jdbc:postgresql://");
        String[] hosts = host.split(",");
        String[] ports = port.split(",");
        for (int i = 0; i < hosts.length; i++) {
            if (i > 0) {
                url.append(',');
            }
            String h = hosts[i].strip();
            url.append(h.contains(":") ? "[" + h + "]" : h).append(':').append(ports[Math.min(i, ports.length - 1)]);
        }
        url.append('/').append(URLEncoder.encode(dbname, StandardCharsets.UTF_8).replace("+", "%20"));
        char sep = '?';
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String jdbcKey = LIBPQ_TO_JDBC.get(e.getKey());
            if (jdbcKey == null) {
                if (!e.getKey().equals("host") && !e.getKey().equals("hostaddr") && !e.getKey().equals("port") && !e.getKey().equals("dbname")) {
                    throw new IllegalArgumentException("dataSource key '" + e.getKey() + "' is not supported; supported: host, hostaddr, port, dbname, " + String.join(", ", LIBPQ_TO_JDBC.keySet()));
                }
                continue;
            }
            url.append(sep).append(jdbcKey).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return new ConnInfo(url.toString());
    }

    /** libpq conninfo syntax: space-separated key=value, values optionally single-quoted with backslash escapes. */
    static Map<String, String> parseKeyValues(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                throw new IllegalArgumentException("dataSource is not valid conninfo: missing '=' after '" + key + "'");
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(text.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("dataSource is not valid conninfo: unterminated quote in '" + key + "'");
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = text.charAt(i++);
                    }
                    value.append(c);
                }
            }
            result.put(key, value.toString());
        }
        return result;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Properties properties(String username, String password) {
        Properties props = new Properties();
        props.setProperty("user", username);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "mimeo");
        props.setProperty("tcpKeepAlive", "true");
        return props;
    }
}
