package org.evalledger.schema.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.evalledger.core.JsonValue;
import tools.jackson.databind.JsonNode;

/**
 * A strict RFC 8259 parser from bytes to a Jackson tree or to core {@link JsonValue}s, with the
 * rejections of SCHEMA.md "Parsing", each with its own code. Recursion is bounded by
 * {@link #MAX_DEPTH}, so no input can overflow the stack; nothing but {@link JsonReadException} is
 * thrown for bad input. The static methods are stateless and thread-safe.
 *
 * <p>It reads the UTF-8 bytes themselves, with no decoding into chars first: outside strings JSON
 * is ASCII, and a string's bytes become a {@code String} in one step. A document with any byte
 * beyond ASCII is first checked to be well-formed UTF-8 as a whole (so that a malformed byte is
 * reported as such wherever it is), and then read the same way.
 *
 * @param <V> the values built
 * @param <O> an object being filled
 * @param <A> an array being filled
 */
public final class StrictJsonReader<V, O, A> {
    /** The deepest nesting of arrays and objects accepted; the root container is depth 1. */
    public static final int MAX_DEPTH = 64;

    private final TreeBuilder<V, O, A> tree;
    /** The document's bytes: well-formed UTF-8 (checked before reading), never modified. */
    private final byte[] text;
    private final int maxStringChars;
    private int pos;
    /** Whether this reader notes canonical form and the root members ({@link #readDocument}); the others skip that work. */
    private final boolean noting;
    /**
     * While noting: whether every token so far is written as RFC 8785 writes it (no whitespace,
     * members in canonical order, strings escaped as JSON.stringify escapes them, numbers in their
     * shortest ECMAScript form). When it is still true at the end, the document's bytes are exactly
     * the JCS form of the value read, with no second writing to compare. Starts false when not noting,
     * so that no check runs.
     */
    private boolean canonical;
    /** While noting: the root object's members, the byte offsets of their values. */
    private final java.util.List<Span> rootMembers = new java.util.ArrayList<>();

    private StrictJsonReader(TreeBuilder<V, O, A> tree, byte[] text, int maxStringChars, boolean noting) {
        this.tree = tree;
        this.text = text;
        this.maxStringChars = maxStringChars;
        this.noting = noting;
        this.canonical = noting;
    }

    /**
     * Parses one JSON document.
     *
     * @param document the bytes, UTF-8 without a byte-order mark
     * @param maxDocumentBytes largest document accepted
     * @param maxStringChars longest string or member name accepted, in UTF-16 chars
     * @return the tree; objects keep member order
     * @throws JsonReadException for anything that is not strict JSON
     */
    public static JsonNode read(byte[] document, long maxDocumentBytes, int maxStringChars) {
        return read(TreeBuilder.JACKSON, document, maxDocumentBytes, maxStringChars);
    }

    /**
     * Parses one JSON document into core values, exactly as strictly as {@link #read}; every number
     * is the double it reads as.
     *
     * @throws JsonReadException for anything that is not strict JSON
     */
    public static JsonValue readValue(byte[] document, long maxDocumentBytes, int maxStringChars) {
        return read(TreeBuilder.CORE, document, maxDocumentBytes, maxStringChars);
    }

    /**
     * A document read into core values, with whether its bytes are its RFC 8785 form.
     *
     * @param value the value read
     * @param canonical whether the bytes are exactly {@code Jcs.canonicalize(value)}
     * @param rootMembers when the value is an object: each member's name and the byte offsets
     *     {@code [start, end)} of its value in the document, in document order; empty otherwise
     */
    public record Read(JsonValue value, boolean canonical, java.util.List<Span> rootMembers) {}

    /** Where a member's value lies in a document's bytes. @param name the member @param start first byte @param end after the last */
    public record Span(String name, int start, int end) {}

    /**
     * Parses one document into core values exactly as {@link #readValue} does, and also reports
     * whether its bytes are its canonical form and where the root object's members lie.
     *
     * @throws JsonReadException for anything that is not strict JSON
     */
    public static Read readDocument(byte[] document, long maxDocumentBytes, int maxStringChars) {
        StrictJsonReader<JsonValue, JsonValue.JsonObject.Builder, java.util.List<JsonValue>> r =
                reader(TreeBuilder.CORE, document, maxDocumentBytes, maxStringChars, true);
        JsonValue value = r.document();
        return new Read(value, r.canonical, java.util.List.copyOf(r.rootMembers));
    }

    private static <V, O, A> V read(TreeBuilder<V, O, A> tree, byte[] document, long maxDocumentBytes, int maxStringChars) {
        return reader(tree, document, maxDocumentBytes, maxStringChars, false).document();
    }

    private static <V, O, A> StrictJsonReader<V, O, A> reader(TreeBuilder<V, O, A> tree, byte[] document, long maxDocumentBytes,
            int maxStringChars, boolean noting) {
        if (document.length > maxDocumentBytes) {
            throw new JsonReadException("EL-PARSE-TOO-LARGE", maxDocumentBytes, 1, 1,
                    "the document has " + document.length + " bytes, more than the limit of " + maxDocumentBytes);
        }
        checkBom(document);
        if (!isAscii(document)) { // ASCII is well-formed UTF-8
            checkUtf8(document);
        }
        return new StrictJsonReader<>(tree, document, maxStringChars, noting);
    }

    private V document() {
        skipWhitespace();
        if (pos >= text.length) {
            throw fail("EL-PARSE-SYNTAX", "the document is empty; expected a JSON value");
        }
        V root = value(0);
        skipWhitespace();
        if (pos < text.length) {
            throw fail("EL-PARSE-TRAILING", "content follows the end of the JSON document");
        }
        return root;
    }

    private static void checkBom(byte[] b) {
        boolean utf8 = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        boolean utf16 = b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE));
        boolean utf32 = b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF;
        if (utf8 || utf16 || utf32) {
            throw new JsonReadException("EL-PARSE-BOM", 0, 1, 1,
                    "the document starts with a byte-order mark; save it as UTF-8 without one");
        }
    }

    /**
     * Throws {@code EL-PARSE-UTF8} at the first byte that does not start a well-formed UTF-8
     * sequence, as Java's strict UTF-8 decoder judges them: no overlong form, no surrogate, nothing
     * beyond U+10FFFF, no sequence cut short (at the end of the document or by another byte).
     */
    private static void checkUtf8(byte[] bytes) {
        int at = malformedUtf8(bytes);
        if (at >= 0) { // the bytes before it are well-formed: their line and column count as any error's
            throw failAt(bytes, at, "EL-PARSE-UTF8",
                    "the bytes are not well-formed UTF-8 (byte 0x" + Integer.toHexString(bytes[at] & 0xFF) + ")");
        }
    }

    /** The offset of the first byte that does not start a well-formed UTF-8 sequence; -1 when all are well-formed. */
    static int malformedUtf8(byte[] b) {
        int n = b.length;
        int i = 0;
        while (i < n) {
            int b1 = b[i] & 0xFF;
            if (b1 < 0x80) {
                i++;
                continue;
            }
            int length;
            int min; // the smallest second byte a well-formed sequence with this lead may have
            int max; // and the largest
            if (b1 >= 0xC2 && b1 <= 0xDF) {
                length = 2;
                min = 0x80;
                max = 0xBF;
            } else if (b1 >= 0xE0 && b1 <= 0xEF) {
                length = 3;
                min = b1 == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
                max = b1 == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
            } else if (b1 >= 0xF0 && b1 <= 0xF4) {
                length = 4;
                min = b1 == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
                max = b1 == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be beyond U+10FFFF
            } else {
                return i; // a continuation byte where a character starts, C0, C1, or F5..FF
            }
            if (i + length > n) {
                return i;
            }
            int b2 = b[i + 1] & 0xFF;
            if (b2 < min || b2 > max) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final long ONES = 0x0101010101010101L;

    /**
     * Whether a word of eight bytes holds a byte that ends a string's plain run: a quote, a
     * backslash or a control character (below 0x20). Each test is exact for the word as a whole
     * (a byte is zero in {@code x} exactly when {@code (x - ONES) & ~x} has a high bit set
     * somewhere; below 0x20 likewise with {@code 0x20 * ONES}), if not for the byte it points at.
     */
    static boolean ends(long w) {
        long q = w ^ (ONES * '"');
        long b = w ^ (ONES * '\\');
        return (((q - ONES) & ~q | (b - ONES) & ~b | (w - ONES * 0x20) & ~w) & HIGH_BITS) != 0;
    }

    /** Whether no byte has its high bit set, eight bytes at a time. */
    static boolean isAscii(byte[] bytes) {
        int i = 0;
        long all = 0;
        for (int end = bytes.length - 7; i < end; i += 8) {
            all |= (long) LONGS.get(bytes, i);
        }
        for (; i < bytes.length; i++) {
            all |= bytes[i];
        }
        return (all & HIGH_BITS) == 0;
    }

    // ------------------------------------------------------------------ grammar

    private V value(int depth) {
        if (pos >= text.length) {
            throw fail("EL-PARSE-SYNTAX", "the document ends where a value is expected");
        }
        char c = (char) text[pos]; // a byte beyond ASCII becomes no char of the cases below
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return tree.string(string());
            case 't':
                literal("true");
                return tree.bool(true);
            case 'f':
                literal("false");
                return tree.bool(false);
            case 'n':
                literal("null");
                return tree.nul();
            case 'N':
            case 'I':
                throw nonFinite();
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    if (c == '-' && startsWith("-Infinity", pos)) {
                        throw nonFinite();
                    }
                    return number();
                }
                throw fail("EL-PARSE-SYNTAX", "unexpected character " + describeAt(pos) + " where a value is expected");
        }
    }

    private JsonReadException nonFinite() {
        if (startsWith("NaN", pos) || startsWith("Infinity", pos) || startsWith("-Infinity", pos)) {
            return fail("EL-PARSE-NON-FINITE", "JSON has no NaN or Infinity; leave the field out or write a finite number");
        }
        return fail("EL-PARSE-SYNTAX", "unexpected character " + describeAt(pos) + " where a value is expected");
    }

    private void depthCheck(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("EL-PARSE-TOO-DEEP", "arrays and objects are nested more than " + MAX_DEPTH + " deep");
        }
    }

    private V object(int depth) {
        depthCheck(depth);
        pos++; // {
        O node = tree.newObject();
        String previous = null;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return tree.object(node);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw fail("EL-PARSE-SYNTAX", "expected a member name in double quotes");
            }
            int nameAt = pos;
            String name = string();
            if (tree.has(node, name)) {
                pos = nameAt;
                throw fail("EL-PARSE-DUPLICATE-KEY", "the member name \"" + shorten(name) + "\" appears twice in one object");
            }
            if (canonical && previous != null && previous.compareTo(name) >= 0) {
                canonical = false; // RFC 8785 orders members by the UTF-16 code units of their names
            }
            previous = name;
            skipWhitespace();
            expect(':', "expected ':' after a member name");
            skipWhitespace();
            int valueAt = pos;
            tree.put(node, name, value(depth));
            if (noting && depth == 1) {
                rootMembers.add(new Span(name, valueAt, pos));
            }
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipWhitespace();
                if (peek() == '}') {
                    throw fail("EL-PARSE-SYNTAX", "trailing comma before '}'");
                }
            } else if (c == '}') {
                pos++;
                return tree.object(node);
            } else {
                throw fail("EL-PARSE-SYNTAX", "expected ',' or '}' after an object member");
            }
        }
    }

    private V array(int depth) {
        depthCheck(depth);
        pos++; // [
        A node = tree.newArray();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return tree.array(node);
        }
        while (true) {
            skipWhitespace();
            tree.add(node, value(depth));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipWhitespace();
                if (peek() == ']') {
                    throw fail("EL-PARSE-SYNTAX", "trailing comma before ']'");
                }
            } else if (c == ']') {
                pos++;
                return tree.array(node);
            } else {
                throw fail("EL-PARSE-SYNTAX", "expected ',' or ']' after an array item");
            }
        }
    }

    private String string() {
        int start = pos;
        pos++; // opening quote
        int n = text.length;
        StringBuilder sb = null;
        int runStart = pos;
        int seen = 0; // every plain byte OR-ed together: 0x80 set means a character beyond ASCII
        while (true) {
            // a run of plain bytes: no quote, backslash or control character (bytes of UTF-8 sequences are all >= 0x80)
            int c = 0;
            int i = pos;
            // eight plain bytes at a time (an envelope's payload is one string of thousands of bytes),
            // then byte by byte up to the byte that ends the run
            long words = 0;
            while (i <= n - 8) {
                long w = (long) LONGS.get(text, i);
                if (ends(w)) {
                    break;
                }
                words |= w;
                i += 8;
            }
            if ((words & HIGH_BITS) != 0) {
                seen |= 0x80;
            }
            while (i < n && (c = text[i] & 0xFF) >= 0x20 && c != '"' && c != '\\') {
                seen |= c;
                i++;
            }
            pos = i;
            // in UTF-8 a char takes one to three bytes (a pair of surrogates four): beyond 3 bytes per char it is too long
            if (sb == null && pos - runStart > ((seen & 0x80) == 0 ? maxStringChars : 3L * maxStringChars)) {
                pos = start;
                throw fail("EL-PARSE-STRING-TOO-LONG", "a string is longer than the limit of " + maxStringChars + " characters");
            }
            if (pos >= n) {
                pos = start;
                throw fail("EL-PARSE-SYNTAX", "unterminated string");
            }
            if (c == '"') {
                String s;
                if (sb != null) {
                    s = sb.append(run(runStart, pos, seen)).toString();
                } else {
                    int length = pos - runStart;
                    String known = length <= KnownStrings.MAX_LENGTH && (seen & 0x80) == 0 ? KnownStrings.find(text, runStart, length) : null;
                    s = known != null ? known : run(runStart, pos, seen);
                }
                pos++;
                if (s.length() > maxStringChars) {
                    pos = start;
                    throw fail("EL-PARSE-STRING-TOO-LONG", "a string has " + s.length() + " characters, more than the limit of "
                            + maxStringChars);
                }
                if (sb != null) {
                    checkSurrogates(s, start); // an escape may have made a lone one; well-formed UTF-8 holds none
                }
                return s;
            }
            if (c < 0x20) {
                throw fail("EL-PARSE-SYNTAX", "unescaped control character " + describe((char) c) + " in a string; write it as \\u"
                        + String.format("%04x", c));
            }
            // a backslash
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(run(runStart, pos, seen));
            pos++;
            if (pos >= n) {
                throw fail("EL-PARSE-SYNTAX", "unterminated escape in a string");
            }
            char e = (char) text[pos];
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> {
                    sb.append('/');
                    canonical = false; // JCS writes '/' as itself
                }
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 >= n) {
                        throw fail("EL-PARSE-SYNTAX", "a \\u escape needs four hex digits");
                    }
                    int v = 0;
                    boolean lowerHex = true;
                    for (int k = 1; k <= 4; k++) {
                        int h = text[pos + k];
                        int d = Character.digit(h, 16);
                        if (d < 0 || h > 'f') {
                            throw fail("EL-PARSE-SYNTAX", "a \\u escape needs four hex digits");
                        }
                        lowerHex &= h <= '9' || h >= 'a';
                        v = v * 16 + d;
                    }
                    // JCS writes a six-character escape (lower-case hex) only for a control character without a short one
                    if (!lowerHex || v >= 0x20 || v == '\b' || v == '\f' || v == '\n' || v == '\r' || v == '\t') {
                        canonical = false;
                    }
                    sb.append((char) v);
                    pos += 4;
                }
                default -> throw fail("EL-PARSE-SYNTAX", "invalid escape \\" + describeAt(pos) + " in a string");
            }
            if (sb.length() > maxStringChars) {
                pos = start;
                throw fail("EL-PARSE-STRING-TOO-LONG", "a string is longer than the limit of " + maxStringChars + " characters");
            }
            pos++;
            runStart = pos;
        }
    }

    /** The string of the plain bytes [from, to): Latin-1 when {@code seen} says all so far were ASCII (a plain copy), else UTF-8. */
    private String run(int from, int to, int seen) {
        return new String(text, from, to - from, (seen & 0x80) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private void checkSurrogates(String s, int start) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
            } else if (!Character.isLowSurrogate(c)) {
                continue;
            }
            pos = start;
            throw fail("EL-PARSE-LONE-SURROGATE", "a string holds the unpaired surrogate \\u"
                    + String.format("%04x", (int) c) + "; escape characters outside the BMP as a high+low pair");
        }
    }

    private V number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                pos = start;
                throw fail("EL-PARSE-SYNTAX", "numbers must not have leading zeros");
            }
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw fail("EL-PARSE-SYNTAX", "a number needs digits after '-'");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw fail("EL-PARSE-SYNTAX", "a number needs digits after the decimal point");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw fail("EL-PARSE-SYNTAX", "a number needs digits in its exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (!integral) {
            double fast = exactQuotient(text, start, pos);
            if (!Double.isNaN(fast)) {
                if (canonical && !isJcsFraction(fast, start, pos)) {
                    canonical = false;
                }
                return tree.number(fast);
            }
            fast = shortestQuotient(text, start, pos);
            if (!Double.isNaN(fast)) { // its digits are the shortest: canonical when laid out as JCS lays them out
                if (canonical && !isJcsLayout(text, start, pos)) {
                    canonical = false;
                }
                return tree.number(fast);
            }
        } else if (pos - start <= 18) { // at most 18 digits: a long without overflow, read with no String
            boolean negative = text[start] == '-';
            long v = 0;
            for (int i = negative ? start + 1 : start; i < pos; i++) {
                v = v * 10 + (text[i] - '0');
            }
            if (negative) {
                v = -v;
            }
            if (canonical && (v == 0 ? pos - start != 1 : v <= -(1L << 53) || v >= 1L << 53)) {
                checkCanonical(v, start); // an integer below 2^53 is canonical as the grammar let it through, but not -0
            }
            return tree.integer(v);
        }
        String literal = new String(text, start, pos - start, StandardCharsets.ISO_8859_1);
        if (integral && literal.length() <= 19) {
            try {
                long v = Long.parseLong(literal);
                if (canonical && (v == 0 ? literal.length() != 1 : v <= -(1L << 53) || v >= 1L << 53)) {
                    checkCanonical(v, start); // an integer below 2^53 is canonical as the grammar let it through, but not -0
                }
                return tree.integer(v);
            } catch (NumberFormatException e) {
                // beyond long: read as a double below
            }
        }
        double d = Double.parseDouble(literal); // cannot fail: the grammar above is a subset of Java's
        if (Double.isInfinite(d)) {
            pos = start;
            throw fail("EL-PARSE-NUMBER-RANGE", "the number " + shorten(literal) + " is too large for a 64-bit double");
        }
        if (d == 0 && hasNonZeroMantissa(literal)) {
            pos = start;
            throw fail("EL-PARSE-NUMBER-RANGE", "the number " + shorten(literal) + " is too small for a 64-bit double (it would be 0)");
        }
        checkCanonical(d, start);
        return tree.number(d);
    }

    /** Clears {@link #canonical} unless the number text at [start, pos) is exactly JCS's text of the value. */
    private void checkCanonical(double value, int start) {
        if (!canonical) {
            return;
        }
        String jcs = Jcs.formatNumber(value);
        int n = jcs.length();
        if (n != pos - start) {
            canonical = false;
            return;
        }
        for (int i = 0; i < n; i++) {
            if (text[start + i] != jcs.charAt(i)) {
                canonical = false;
                return;
            }
        }
    }

    /**
     * Whether a grammatical fractional literal (one with a point or an exponent) is JCS's text of
     * the value it reads as: exactly when its significant digits are the value's shortest decimal
     * and it lays them out as ECMAScript does ({@link #isJcsLayout}). The same answer as formatting
     * the value and comparing ({@link #checkCanonical}), without writing any text. A zero is never
     * written as a fraction.
     */
    private boolean isJcsFraction(double value, int from, int to) {
        int[] exp = new int[1];
        long w = reducedSignificand(text, from, to, exp);
        if (w <= 0) {
            return false; // zero, which JCS writes as 0; or more than 17 digits, which no shortest decimal has
        }
        return isShortest(Math.abs(value), w, exp[0], exp) && isJcsLayout(text, from, to);
    }

    /**
     * {@link #significand} of at most 17 digits (no shortest decimal of a double has more), without
     * its trailing zeros, whose number {@code exp[0]} counts in: 0 for a zero, -1 as there.
     */
    private static long reducedSignificand(byte[] s, int from, int to, int[] exp) {
        long w = significand(s, from, to, 17, exp);
        return w <= 0 ? w : withoutTrailingZeros(w, exp);
    }

    /** {@code digits} divided by ten while it ends in a zero, each division added to {@code exp[0]}; digits > 0. */
    private static long withoutTrailingZeros(long digits, int[] exp) {
        long w = digits;
        while (w % 10 == 0) {
            w /= 10;
            exp[0]++;
        }
        return w;
    }

    /** 10^0 .. 10^22: every one is a double exactly. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
        1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The double a grammatical number literal reads as, when its significant digits form an integer
     * m of at most 2^53 and its decimal exponent e is within ±22: then m and 10^|e| are doubles
     * exactly, and one IEEE multiplication or division rounds m·10^e correctly (Clinger's fast path;
     * Java's own parser takes it only for up to 15 digits, and the shortest text of most computed
     * scores has 16 or 17). NaN when the literal is outside that case, for the caller to parse fully.
     */
    static double exactQuotient(byte[] s, int from, int to) {
        int[] exp = new int[1];
        long m = significand(s, from, to, 16, exp); // a 17th digit makes m at least 10^16, beyond 2^53
        int e10 = exp[0];
        if (m < 0 || m > 1L << 53 || e10 < -22 || e10 > 22) {
            return Double.NaN;
        }
        double v = e10 < 0 ? m / POW10[-e10] : m * POW10[e10];
        return s[from] == '-' ? -v : v;
    }

    /**
     * The significant digits of a grammatical number literal as an integer, leading zeros not
     * counted, with its decimal exponent stored in {@code exp[0]} (the literal is ± that integer ×
     * 10^exp[0]); -1 when it has more than {@code maxDigits} digits after its leading zeros
     * (trailing zeros count) or an exponent beyond 400 in magnitude. {@code maxDigits} is at most 18.
     */
    private static long significand(byte[] s, int from, int to, int maxDigits, int[] exp) {
        int i = s[from] == '-' ? from + 1 : from;
        long m = 0;
        int significant = 0;
        int e10 = 0;
        boolean fraction = false;
        for (; i < to; i++) {
            int c = s[i];
            if (c == '.') {
                fraction = true;
                continue;
            }
            if (c < '0' || c > '9') {
                break;
            }
            if (significant == maxDigits) {
                return -1;
            }
            m = m * 10 + (c - '0');
            if (m != 0) {
                significant++;
            }
            if (fraction) {
                e10--;
            }
        }
        if (i < to) { // 'e' or 'E', then an optional sign and digits
            i++;
            boolean minus = s[i] == '-';
            if (minus || s[i] == '+') {
                i++;
            }
            int e = 0;
            for (; i < to; i++) {
                e = e * 10 + (s[i] - '0');
                if (e > 400) {
                    return -1;
                }
            }
            e10 += minus ? -e : e;
        }
        exp[0] = e10;
        return m;
    }

    /**
     * The double a grammatical fractional literal reads as, when the literal is that double's
     * shortest decimal (the digits {@link ShortestDecimal} finds and JCS writes, as every number of
     * a canonical document is) with at most 17 significant digits and a decimal exponent within ±22:
     * the case of most computed scores, whose 16 or 17 digits {@link #exactQuotient} declines.
     *
     * <p>One inexact IEEE multiplication or division estimates the value within a few units in the
     * last place; the estimate and its two neighbours on each side are candidates, and a candidate
     * whose shortest decimal equals the literal's value is the answer, because a double's shortest
     * decimal lies in the interval of reals that round to that double (ties to even, as Java's parser
     * rounds). The estimate only picks the candidates: a wrong one is never returned, only missed.
     * NaN when no candidate has the literal as its shortest decimal (the literal is then not in its
     * shortest form, or outside the range handled here), for the caller to parse fully.
     */
    static double shortestQuotient(byte[] s, int from, int to) {
        boolean negative = s[from] == '-';
        int[] exp = new int[1];
        long w = reducedSignificand(s, from, to, exp);
        if (w <= 0) {
            return Double.NaN;
        }
        int e10 = exp[0];
        if (e10 < -22 || e10 > 22) {
            return Double.NaN;
        }
        double estimate = e10 < 0 ? w / POW10[-e10] : w * POW10[e10];
        if (!(estimate >= Double.MIN_NORMAL && estimate <= Double.MAX_VALUE)) {
            return Double.NaN; // subnormal or infinite: the full parser decides
        }
        double up = estimate;
        double down = estimate;
        for (int step = 0; step <= 2; step++) {
            if (isShortest(up, w, e10, exp)) {
                return negative ? -up : up;
            }
            if (step > 0 && isShortest(down, w, e10, exp)) {
                return negative ? -down : down;
            }
            up = Math.nextUp(up);
            down = Math.nextDown(down);
        }
        return Double.NaN;
    }

    /**
     * Whether a grammatical fractional literal whose significant digits are its double's shortest
     * decimal (as {@link #shortestQuotient} found) is laid out as ECMAScript's
     * {@code Number.prototype.toString} lays out those digits, and so is exactly JCS's text of its
     * value. With value 0.D × 10^n for the k shortest digits D (RFC 8785 §3.2.2.3, {@link Jcs}): for
     * 0 &lt; n ≤ 21 the digits with a point after the n-th ({@code 12.5}); for -6 &lt; n ≤ 0 {@code 0.}, -n
     * zeros and the digits ({@code 0.0125}); otherwise one digit, the others after a point if any,
     * {@code e}, a sign and n - 1 ({@code 1.25e-7}). A literal in the ES6 integer form (k ≤ n ≤ 21)
     * has no point or exponent and does not come here. The text's digits equal D once its layout
     * has no zero beyond D's: no trailing zero after the point, at most five zeros after {@code 0.},
     * one digit before the point of an exponent form.
     */
    static boolean isJcsLayout(byte[] s, int from, int to) {
        int i = from;
        if (s[i] == '-') {
            i++;
        }
        int intStart = i;
        while (i < to && isDigit(s[i])) {
            i++;
        }
        int intEnd = i;
        int fracEnd = i;
        boolean fraction = i < to && s[i] == '.';
        if (fraction) {
            i++;
            while (i < to && isDigit(s[i])) {
                i++;
            }
            fracEnd = i;
            if (s[fracEnd - 1] == '0') {
                return false; // a trailing zero is not one of the shortest digits
            }
        }
        if (i == to) { // no exponent: the point form
            if (!fraction) {
                return false;
            }
            if (s[intStart] != '0') {
                return true; // n, the digits before the point, is below 17 (at most 17 digits, one after the point): ≤ 21
            }
            int zeros = 0;
            for (int f = intEnd + 1; f < fracEnd && s[f] == '0'; f++) {
                zeros++;
            }
            return zeros <= 5; // n = -zeros must be above -6
        }
        // an exponent: e, a sign, no leading zero; one non-zero digit before the point
        if (s[i] != 'e' || intEnd - intStart != 1 || s[intStart] == '0') {
            return false;
        }
        int sign = s[i + 1]; // the grammar put a digit or a sign after the e, and a digit after a sign
        if ((sign != '+' && sign != '-') || s[i + 2] == '0') {
            return false;
        }
        int exp = 0;
        for (int d = i + 2; d < to; d++) {
            exp = exp * 10 + (s[d] - '0');
            if (exp > 400) {
                return false;
            }
        }
        int n = sign == '-' ? 1 - exp : exp + 1;
        return n <= -6 || n > 21; // ECMAScript uses the exponent form exactly there
    }

    /** Whether the shortest decimal of the positive double {@code d} is {@code w * 10^e10}, w without trailing zeros. */
    private static boolean isShortest(double d, long w, int e10, int[] exp) {
        if (!(d >= Double.MIN_NORMAL && d <= Double.MAX_VALUE)) {
            return false;
        }
        long f = withoutTrailingZeros(ShortestDecimal.digits(d, exp), exp);
        return f == w && exp[0] == e10;
    }

    private static boolean hasNonZeroMantissa(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private void literal(String word) {
        if (!startsWith(word, pos)) {
            throw fail("EL-PARSE-SYNTAX", "unexpected characters; did you mean " + word + "?");
        }
        pos += word.length();
    }

    private boolean startsWith(String word, int at) {
        if (at + word.length() > text.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text[at + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void expect(char c, String message) {
        if (peek() != c) {
            throw fail("EL-PARSE-SYNTAX", message);
        }
        pos++;
    }

    private char peek() {
        return pos < text.length ? (char) (text[pos] & 0xFF) : '\0';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length) {
            byte c = text[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
                canonical = false; // JCS writes no whitespace between tokens
            } else {
                return;
            }
        }
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    /** {@link #describe} of the (first UTF-16 unit of the) character whose UTF-8 sequence starts at this byte. */
    private String describeAt(int at) {
        int b = text[at] & 0xFF;
        return describe(b < 0x80 ? (char) b : new String(text, at, Math.min(4, text.length - at), StandardCharsets.UTF_8).charAt(0));
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private JsonReadException fail(String code, String message) {
        return failAt(text, Math.min(pos, text.length), code, message);
    }

    /** The exception for a problem at byte {@code at}, whose line and column the well-formed UTF-8 before it gives. */
    private static JsonReadException failAt(byte[] text, int at, String code, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1; // in UTF-16 chars: one per UTF-8 sequence, two for a four-byte one (a surrogate pair)
        for (int i = lineStart; i < at; i++) {
            int b = text[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                column += b >= 0xF0 ? 2 : 1;
            }
        }
        return new JsonReadException(code, at, line, column, message);
    }
}
