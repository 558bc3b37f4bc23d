package org.evalledger.core;

/**
 * A fixed prefix, then a run of characters from an ASCII set, of a length within bounds: the shape
 * of the identifiers and digests the value types check ({@code [a-z0-9_.-]+},
 * {@code sha256:[0-9a-f]{64}} and the like), matched by a table lookup per character instead of a
 * regular expression. {@link #pattern} is the equivalent regular expression, for messages; a test
 * checks each constant against it. Immutable and thread-safe.
 */
final class CharRun {
    private final String pattern;
    private final String prefix;
    private final boolean[] allowed = new boolean[128];
    private final int min;
    private final int max;

    /**
     * @param pattern the equivalent regular expression (whole-string match), for messages
     * @param prefix the literal text before the run
     * @param ranges the run's characters as pairs of first and last character: "azAZ" for [a-zA-Z]
     * @param singles more single characters of the run
     */
    private CharRun(String pattern, String prefix, String ranges, String singles, int min, int max) {
        this.pattern = pattern;
        this.prefix = prefix;
        for (int i = 0; i < ranges.length(); i += 2) {
            for (char c = ranges.charAt(i); c <= ranges.charAt(i + 1); c++) {
                allowed[c] = true;
            }
        }
        for (int i = 0; i < singles.length(); i++) {
            allowed[singles.charAt(i)] = true;
        }
        this.min = min;
        this.max = max;
    }

    static final CharRun HEX64 = new CharRun("[0-9a-f]{64}", "", "09af", "", 64, 64);
    static final CharRun DIGEST = new CharRun("sha256:[0-9a-f]{64}", "sha256:", "09af", "", 64, 64);
    static final CharRun RECORD_ID = new CharRun("[A-Za-z0-9._:/-]{1,256}", "", "AZaz09", "._:/-", 1, 256);
    static final CharRun BENCHMARK = new CharRun("[a-z0-9_.-]+", "", "az09", "_.-", 1, Integer.MAX_VALUE);

    /** Whether the whole string is the prefix and then a run of allowed characters of an allowed length. */
    boolean matches(String s) {
        int run = s.length() - prefix.length();
        if (run < min || run > max || !s.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    /** The equivalent regular expression. */
    String pattern() {
        return pattern;
    }
}
