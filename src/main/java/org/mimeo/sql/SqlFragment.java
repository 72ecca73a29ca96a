package org.mimeo.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lexical reading of raw SQL text that a user may give (a replication's {@code condition}, a snap
 * {@code postScript} statement): where its statement separators and parentheses are, once string
 * literals ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes), quoted identifiers,
 * dollar-quoted strings, {@code --} comments and nested block comments are set aside.
 * <p>
 * It does not parse SQL; it only makes sure the text cannot end the statement Mimeo embeds it in and
 * start another, or close a parenthesis Mimeo opened. Where PostgreSQL's reading depends on a setting
 * ({@code standard_conforming_strings}: whether a backslash escapes a quote in a plain string) the
 * text is read both ways and must be safe both ways. Identifiers and numbers are read whole, so a
 * {@code $} or {@code E} inside them starts no dollar quote or E'' string, as in PostgreSQL's lexer.
 */
public final class SqlFragment {

    /**
     * What the lexer found: offsets of top-level {@code ;}, of the first {@code )} closing below depth 0
     * (-1: none), parentheses left open, an unterminated construct (null: none), whether a NUL is in the text.
     */
    public record Scan(List<Integer> semicolons, int strayCloseAt, int openParens, String unterminated, boolean nul) {
    }

    private SqlFragment() {
    }

    /**
     * Why {@code text} cannot be used as a condition (appended after {@code FROM source} inside a
     * subquery): a statement separator, a parenthesis closing what the condition did not open or left
     * open, an unterminated string, identifier or comment. Empty when it is fine.
     */
    public static Optional<String> conditionProblem(String text) {
        for (boolean backslashes : new boolean[] {false, true}) {
            Scan scan = scan(text, backslashes);
            Optional<String> problem = common(scan, backslashes);
            if (problem.isPresent()) {
                return problem;
            }
            if (!scan.semicolons().isEmpty()) {
                return Optional.of("it contains ';' outside quotes and comments (at character " + (scan.semicolons().get(0) + 1)
                        + "); a condition is part of one query and cannot end it");
            }
            if (scan.strayCloseAt() >= 0) {
                return Optional.of("its ')' at character " + (scan.strayCloseAt() + 1) + " closes a parenthesis the condition did not open");
            }
            if (scan.openParens() > 0) {
                return Optional.of("it leaves " + scan.openParens() + " parenthesis(es) open");
            }
        }
        return Optional.empty();
    }

    /**
     * The one statement in {@code text}, a single trailing {@code ;} (and what follows it, blanks and
     * comments) removed. Throws IllegalArgumentException saying why when it holds more than one statement
     * or an unterminated string, identifier or comment.
     */
    public static String singleStatement(String text) {
        Scan standard = null;
        for (boolean backslashes : new boolean[] {false, true}) {
            Scan scan = scan(text, backslashes);
            Optional<String> problem = common(scan, backslashes);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            List<Integer> semicolons = scan.semicolons();
            if (semicolons.size() > 1 || semicolons.size() == 1 && !onlyBlankOrComments(text, semicolons.get(0) + 1, backslashes)) {
                throw new IllegalArgumentException("it holds more than one statement (';' at character " + (semicolons.get(0) + 1)
                        + " outside quotes and comments); give each statement as its own array element");
            }
            if (standard == null) {
                standard = scan;
            }
        }
        return standard.semicolons().isEmpty() ? text : text.substring(0, standard.semicolons().get(0));
    }

    private static Optional<String> common(Scan scan, boolean backslashes) {
        if (scan.unterminated() == null && scan.nul()) {
            return Optional.of("it contains a NUL character");
        }
        if (scan.unterminated() != null) {
            return Optional.of("it has an unterminated " + scan.unterminated()
                    + (backslashes ? " when a backslash escapes a quote (standard_conforming_strings off)" : ""));
        }
        return Optional.empty();
    }

    private static boolean onlyBlankOrComments(String text, int from, boolean backslashes) {
        String rest = text.substring(from);
        Scan scan = scan(rest, backslashes);
        return scan.semicolons().isEmpty() && stripComments(rest).isBlank();
    }

    private static String stripComments(String text) {
        StringBuilder kept = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("--", i)) {
                i = lineCommentEnd(text, i);
            } else if (text.startsWith("/*", i)) {
                i = blockCommentEnd(text, i);
            } else {
                kept.append(text.charAt(i++));
            }
        }
        return kept.toString();
    }

    /**
     * Reads {@code text}. With {@code backslashEverywhere} a backslash escapes the next character in
     * every single-quoted string (standard_conforming_strings off); otherwise only in E'' strings.
     */
    public static Scan scan(String text, boolean backslashEverywhere) {
        List<Integer> semicolons = new ArrayList<>();
        boolean nul = text.indexOf('\0') >= 0;
        int depth = 0;
        int strayClose = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && text.startsWith("--", i)) {
                i = lineCommentEnd(text, i);
            } else if (c == '/' && text.startsWith("/*", i)) {
                i = blockCommentEnd(text, i);
                if (i < 0) {
                    return new Scan(semicolons, strayClose, depth, "block comment", nul);
                }
            } else if (c == '\'') {
                i = quotedEnd(text, i, '\'', backslashEverywhere);
                if (i < 0) {
                    return new Scan(semicolons, strayClose, depth, "string literal", nul);
                }
            } else if (identifierStart(c) || isDigit(c)) {
                int end = identifierStart(c) ? identifierEnd(text, i) : numberEnd(text, i);
                if (end < n && text.charAt(end) == '\'' && extendedStringPrefix(text, i, end)) {
                    i = quotedEnd(text, end, '\'', true);
                    if (i < 0) {
                        return new Scan(semicolons, strayClose, depth, "string literal", nul);
                    }
                } else {
                    i = end;
                }
            } else if (c == '"') {
                i = quotedEnd(text, i, '"', false);
                if (i < 0) {
                    return new Scan(semicolons, strayClose, depth, "quoted identifier", nul);
                }
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int close = text.indexOf(tag, i + tag.length());
                if (close < 0) {
                    return new Scan(semicolons, strayClose, depth, "dollar-quoted string", nul);
                }
                i = close + tag.length();
            } else {
                if (c == ';') {
                    semicolons.add(i);
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth < 0 && strayClose < 0) {
                        strayClose = i;
                    }
                }
                i++;
            }
        }
        return new Scan(semicolons, strayClose, Math.max(depth, 0), null, nul);
    }

    private static int lineCommentEnd(String text, int start) {
        int i = start + 2;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The position after the block comment starting at {@code start} (comments nest), or -1 when it never ends. */
    private static int blockCommentEnd(String text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The position after the quoted string or identifier starting at {@code start}, or -1 when it never ends. */
    private static int quotedEnd(String text, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * Whether the token {@code [start, end)} right before a quote makes it an E'' string: the lone
     * identifier E, or a number ending in E (old servers read {@code 1E'x'} as 1 and E'x').
     */
    private static boolean extendedStringPrefix(String text, int start, int end) {
        char last = text.charAt(end - 1);
        if (last != 'E' && last != 'e') {
            return false;
        }
        return end - start == 1 || isDigit(text.charAt(start));
    }

    /** The end of the identifier (or keyword) starting at {@code start}: letters, digits, _ and $ may follow its first character. */
    private static int identifierEnd(String text, int start) {
        int i = start + 1;
        while (i < text.length() && (identifierStart(text.charAt(i)) || isDigit(text.charAt(i)) || text.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    /** The end of the digits and dots starting at {@code start}, with a trailing E or e when one follows. */
    private static int numberEnd(String text, int start) {
        int i = start;
        while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == 'E' || text.charAt(i) == 'e') && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i++;
        }
        return i;
    }

    /** The dollar-quote tag ({@code $$} or {@code $tag$}) starting at {@code start}, or null (a positional parameter, a lone $). */
    private static String dollarTag(String text, int start) {
        int i = start + 1;
        if (i < text.length() && text.charAt(i) != '$' && !identifierStart(text.charAt(i))) {
            return null;
        }
        while (i < text.length() && text.charAt(i) != '$') {
            if (!identifierStart(text.charAt(i)) && !isDigit(text.charAt(i))) {
                return null;
            }
            i++;
        }
        return i < text.length() ? text.substring(start, i + 1) : null;
    }

    private static boolean identifierStart(char c) {
        return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
