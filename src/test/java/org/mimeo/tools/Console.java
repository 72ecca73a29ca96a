package org.mimeo.tools;

/** Plain console output of the launchers (stdout, flushed: it interleaves with Maven's). */
public final class Console {

    private static volatile String prefix = "[mimeo]";

    private Console() {
    }

    public static void prefix(String p) {
        prefix = "[" + p + "]";
    }

    public static void info(String message) {
        System.out.println(prefix + " " + message);
        System.out.flush();
    }

    /** Lines printed as they are, for the user to copy. */
    public static void raw(String text) {
        System.out.println(text);
        System.out.flush();
    }
}
