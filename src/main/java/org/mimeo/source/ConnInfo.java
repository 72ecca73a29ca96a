package org.mimeo.source;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.mimeo.internal.Settings;

/**
 * A source's connection string: libpq {@code key=value} conninfo (as the original mimeo stores it)
 * or a {@code jdbc:postgresql://} URL. Credentials are never part of it; they are kept apart.
 */
public final class ConnInfo {

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
            SourceProperties.checkJdbcUrl(text);
            return new ConnInfo(text);
        }
        Map<String, String> pairs = parseKeyValues(text);
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
            if (!h.matches("[\\w.:%-]+")) {
                throw new IllegalArgumentException("dataSource has an invalid host: '" + h + "' (host names and IP addresses only)");
            }
            url.append(h.contains(":") ? "[" + h + "]" : h).append(':').append(ports[Math.min(i, ports.length - 1)]);
        }
        url.append('/').append(URLEncoder.encode(dbname, StandardCharsets.UTF_8).replace("+", "%20"));
        char sep = '?';
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (!Set.of("host", "hostaddr", "port", "dbname").contains(e.getKey())) {
                Map.Entry<String, String> jdbc = SourceProperties.fromLibpq(e.getKey(), e.getValue());
                url.append(sep).append(jdbc.getKey()).append('=').append(URLEncoder.encode(jdbc.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        SourceProperties.checkJdbcUrl(url.toString());
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

    /**
     * The driver settings Mimeo adds; the login comes apart, at connect time ({@link SourceLogin}). pgjdbc lets
     * the URL's query override them: the URL may never carry user or password (see {@link SourceProperties}), so
     * only the harmless defaults below can be changed.
     */
    public Properties properties() {
        Properties props = new Properties();
        props.setProperty("ApplicationName", "mimeo");
        Settings.timeouts().applyToSource(props);
        return props;
    }
}
