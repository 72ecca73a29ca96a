package org.mimeo.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** Users of a provisioned server's application realm, added with its own bin/add-user.sh -a (an existing user is updated). */
public final class AppUsers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AppUsers() {
    }

    public static String randomPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Adds the user to the server's standalone/configuration. */
    public static void add(Path serverHome, String user, String password, String role) throws IOException, InterruptedException {
        add(serverHome, serverHome.resolve("standalone/configuration"), user, password, role);
    }

    /** Adds the user to the properties files in {@code configDir} (a server started with its own jboss.server.base.dir). */
    public static void add(Path serverHome, Path configDir, String user, String password, String role) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(serverHome.resolve("bin/add-user.sh").toString(), "-a", "-s", "-sc", configDir.toString(),
                "-u", user, "-p", password, "-g", role).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/add-user.sh could not add user " + user + ": " + output);
        }
    }
}
