package org.mimeo.tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

/**
 * Ports and paths of a launcher, from system properties {@code <prefix>.portOffset} (WildFly's
 * jboss.socket.binding.port-offset: HTTP 8080+offset, management 9990+offset),
 * {@code <prefix>.destPort}, {@code <prefix>.sourcePort} (the two embedded PostgreSQL servers)
 * and {@code mimeo.tools.basedir} (the project directory; the exec-maven-plugin sets it).
 */
public record Settings(String prefix, int portOffset, int destPort, int sourcePort, Path basedir) {

    public static Settings read(String prefix, int defaultDestPort, int defaultSourcePort) {
        return new Settings(prefix, Integer.getInteger(prefix + ".portOffset", 0),
                Integer.getInteger(prefix + ".destPort", defaultDestPort),
                Integer.getInteger(prefix + ".sourcePort", defaultSourcePort),
                Path.of(System.getProperty("mimeo.tools.basedir", System.getProperty("user.dir"))).toAbsolutePath());
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    public int managementPort() {
        return 9990 + portOffset;
    }

    public String apiBase() {
        return "http://localhost:" + httpPort() + "/mimeo/api";
    }

    public Path serverHome() {
        return basedir.resolve("target/server");
    }

    /** Fails with a hint when a port this launcher needs is taken (a local PostgreSQL or WildFly, say). */
    public void requireFreePorts() {
        requireFree(destPort, "destination PostgreSQL", "-D" + prefix + ".destPort=N");
        requireFree(sourcePort, "source PostgreSQL", "-D" + prefix + ".sourcePort=N");
        requireFree(httpPort(), "WildFly HTTP", "-D" + prefix + ".portOffset=N (HTTP port 8080+N)");
        requireFree(managementPort(), "WildFly management", "-D" + prefix + ".portOffset=N (management port 9990+N)");
    }

    static void requireFree(int port, String what, String hint) {
        boolean free;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 300);
            free = false;
        } catch (IOException refused) {
            free = true;
        }
        if (free) {
            try (ServerSocket ss = new ServerSocket()) {
                ss.setReuseAddress(true);
                ss.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                free = false;
            }
        }
        if (!free) {
            throw new IllegalStateException("port " + port + " (" + what + ") is in use; pick another one with " + hint);
        }
    }
}
