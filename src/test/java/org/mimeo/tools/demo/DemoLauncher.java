package org.mimeo.tools.demo;

import org.mimeo.tools.Console;
import org.mimeo.tools.EmbeddedPg;
import org.mimeo.tools.MimeoStack;
import org.mimeo.tools.Resources;
import org.mimeo.tools.Settings;

import java.util.List;
import java.util.Map;

/**
 * {@code mvn -B package -Pdemo}: a self-contained Mimeo to try by hand. Starts a destination PostgreSQL
 * (database {@code mimeo}, port 15432), a demo source PostgreSQL (database {@code demo}, port 15433) with
 * the sample tables {@code shop.orders} and {@code shop."Order-Items"}, and WildFly from
 * {@code target/server} (HTTP 8080), registers the source as id 1, prints curl lines to try and waits.
 * Ctrl-C stops everything. Ports: {@code -Dmimeo.demo.portOffset=N} (WildFly 8080+N / 9990+N),
 * {@code -Dmimeo.demo.destPort}, {@code -Dmimeo.demo.sourcePort}. Data: {@code target/demo-data}.
 */
public final class DemoLauncher {

    static final int ORDERS = 5000;
    /** The destination role WildFly connects as: no superuser, owner of database mimeo (README: least privilege). */
    static final String DB_ROLE = "mimeo";

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Console.prefix("demo");
        Settings settings = Settings.read("mimeo.demo", 15432, 15433);
        MimeoStack stack = new MimeoStack(settings, "demo");
        try {
            stack.startDatabases("demo", Map.of("max_connections", "100"));
            loadDemoData(stack.source());
            // least privilege: Mimeo runs on the destination as the non-superuser owner of its database
            stack.dest().execute("CREATE ROLE " + DB_ROLE + " LOGIN", "ALTER DATABASE mimeo OWNER TO " + DB_ROLE,
                    "CREATE SCHEMA shop AUTHORIZATION " + DB_ROLE);
            stack.startWildFly(DB_ROLE);
            long sourceId = stack.registerSource();
            printTryIt(settings, stack, sourceId);
        } catch (Exception | Error e) {
            Resources.blockIfShuttingDown();
            stack.close();
            throw e;
        }
        // wait for Ctrl-C; it reaches WildFly too (same process group), and the shutdown hook stops the rest
        int code = stack.wildfly().process().waitFor();
        Resources.blockIfShuttingDown();
        stack.close();
        throw new IllegalStateException("WildFly stopped on its own (exit code " + code + "), see " + stack.wildfly().consoleLog());
    }

    static void loadDemoData(EmbeddedPg source) throws Exception {
        source.execute(
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer text NOT NULL, quantity int NOT NULL,"
                        + " amount numeric(12,2) NOT NULL, ordered_at timestamptz NOT NULL, note text)",
                "INSERT INTO shop.orders SELECT g, 'customer-' || (g % 97), 1 + g % 9, ((g * 7919) % 100000) / 100.0,"
                        + " timestamptz '2025-01-01 00:00:00+00' + g * interval '7 minutes',"
                        + " CASE WHEN g % 10 = 0 THEN NULL ELSE 'note ' || md5(g::text) END"
                        + " FROM generate_series(1, " + ORDERS + ") g",
                "CREATE INDEX orders_customer_ordered_at_idx ON shop.orders (customer, ordered_at)",
                "CREATE TABLE shop.\"Order-Items\" (order_id bigint NOT NULL REFERENCES shop.orders (id), line int NOT NULL,"
                        + " sku text NOT NULL, qty int NOT NULL, PRIMARY KEY (order_id, line))",
                "INSERT INTO shop.\"Order-Items\" SELECT o.id, l, 'SKU-' || ((o.id * 31 + l) % 500), 1 + (o.id + l) % 4"
                        + " FROM shop.orders o, generate_series(1, 1 + (o.id % 3)::int) l",
                "ANALYZE");
        Console.info("demo source: shop.orders (" + ORDERS + " rows, index orders_customer_ordered_at_idx) and shop.\"Order-Items\"");
    }

    static void printTryIt(Settings s, MimeoStack stack, long sourceId) {
        String b = s.apiBase();
        String curl = "curl -s -u " + MimeoStack.ADMIN_USER + ":" + stack.adminPassword();
        String json = "-H 'content-type: application/json' -d ";
        List<String> lines = List.of(
                "",
                "==============================================================================",
                " Mimeo demo is running",
                "   Mimeo REST API     " + b + "   (WildFly management: http://localhost:" + s.managementPort() + ")",
                "   API login          user " + MimeoStack.ADMIN_USER + ", password " + stack.adminPassword() + "   (role mimeo-admin; new for each start)",
                "   destination DB     localhost:" + s.destPort() + ", database mimeo; Mimeo connects as role " + DB_ROLE + " (no superuser)",
                "   demo source DB     localhost:" + s.sourcePort() + ", database demo: shop.orders, shop.\"Order-Items\""
                        + " (registered as source id " + sourceId + ")",
                "   logs               " + stack.dataDir() + "/",
                "",
                " Try it in another terminal:",
                "",
                "   # check the source (the demo registered it as id " + sourceId + ")",
                "   " + curl + " -XPOST " + b + "/sources/" + sourceId + "/check",
                "   # create a snap replication of shop.orders (the initial load runs before the answer)",
                "   " + curl + " -XPOST " + b + "/replications " + json
                        + "'{\"type\":\"snap\",\"sourceId\":" + sourceId + ",\"sourceTable\":\"shop.orders\",\"destTable\":\"shop.orders\"}'",
                "   # refresh it",
                "   " + curl + " -XPOST " + b + "/replications/shop.orders/refresh " + json + "'{\"checkStats\":false}'",
                "   # the job executions, newest first (GET " + b + "/executions/ID for steps and log)",
                "   " + curl + " " + b + "/executions",
                "   # look at the replicated rows in the destination",
                "   psql -h localhost -p " + s.destPort() + " -U postgres -d mimeo -c 'SELECT count(*), sum(amount) FROM shop.orders'",
                "",
                "   # change the source, then refresh again and re-run the query above",
                "   psql -h localhost -p " + s.sourcePort() + " -U postgres -d demo -c 'UPDATE shop.orders SET amount = amount * 2 WHERE id <= 1000'",
                "",
                " Press Ctrl-C to stop WildFly and both PostgreSQL servers.",
                "==============================================================================",
                "");
        lines.forEach(Console::raw);
    }
}
