package org.evalledger.schema.internal.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A strict RFC 8259 parser from bytes to a Jackson tree, with the rejections of SCHEMA.md
 * "Parsing", each with its own code. Recursion is bounded by {@link #MAX_DEPTH}, so no input can
 * overflow the stack; nothing but {@link JsonReadException} is thrown for bad input.
 * Stateless and thread-safe.
 */
public final class StrictJsonReader {
    /** The deepest nesting of arrays and objects accepted; the root container is depth 1. */
    public static final int MAX_DEPTH = 64;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String text;
    private final int maxStringChars;
    private int pos;

    private StrictJsonReader(String text, int maxStringChars) {
        this.text = text;
        this.maxStringChars = maxStringChars;
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
        if (document.length > maxDocumentBytes) {
            throw new JsonReadException("EL-PARSE-TOO-LARGE", maxDocumentBytes, 1, 1,
                    "the document has " + document.length + " bytes, more than the limit of " + maxDocumentBytes);
        }
        checkBom(document);
        StrictJsonReader r = new StrictJsonReader(decode(document), maxStringChars);
        r.skipWhitespace();
        if (r.pos >= r.text.length()) {
            throw r.fail("EL-PARSE-SYNTAX", "the document is empty; expected a JSON value");
        }
        JsonNode root = r.value(0);
        r.skipWhitespace();
        if (r.pos < r.text.length()) {
            throw r.fail("EL-PARSE-TRAILING", "content follows the end of the JSON document");
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

    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
            int line = 1;
            int col = 1;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            throw new JsonReadException("EL-PARSE-UTF8", at, line, col,
                    "the bytes are not well-formed UTF-8 (byte 0x" + Integer.toHexString(bytes[at] & 0xFF) + ")");
        }
        out.flip();
        return out.toString();
    }

    // ------------------------------------------------------------------ grammar

    private JsonNode value(int depth) {
        if (pos >= text.length()) {
            throw fail("EL-PARSE-SYNTAX", "the document ends where a value is expected");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return F.stringNode(string());
            case 't':
                literal("true");
                return F.booleanNode(true);
            case 'f':
                literal("false");
                return F.booleanNode(false);
            case 'n':
                literal("null");
                return F.nullNode();
            case 'N':
            case 'I':
                throw nonFinite();
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    if (c == '-' && text.startsWith("-Infinity", pos)) {
                        throw nonFinite();
                    }
                    return number();
                }
                throw fail("EL-PARSE-SYNTAX", "unexpected character " + describe(c) + " where a value is expected");
        }
    }

    private JsonReadException nonFinite() {
        if (text.startsWith("NaN", pos) || text.startsWith("Infinity", pos) || text.startsWith("-Infinity", pos)) {
            return fail("EL-PARSE-NON-FINITE", "JSON has no NaN or Infinity; leave the field out or write a finite number");
        }
        return fail("EL-PARSE-SYNTAX", "unexpected character " + describe(text.charAt(pos)) + " where a value is expected");
    }

    private void depthCheck(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("EL-PARSE-TOO-DEEP", "arrays and objects are nested more than " + MAX_DEPTH + " deep");
        }
    }

    private ObjectNode object(int depth) {
        depthCheck(depth);
        pos++; // {
        ObjectNode node = F.objectNode();
        Set<String> names = new HashSet<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return node;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw fail("EL-PARSE-SYNTAX", "expected a member name in double quotes");
            }
            int nameAt = pos;
            String name = string();
            if (!names.add(name)) {
                pos = nameAt;
                throw fail("EL-PARSE-DUPLICATE-KEY", "the member name \"" + shorten(name) + "\" appears twice in one object");
            }
            skipWhitespace();
            expect(':', "expected ':' after a member name");
            skipWhitespace();
            node.set(name, value(depth));
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
                return node;
            } else {
                throw fail("EL-PARSE-SYNTAX", "expected ',' or '}' after an object member");
            }
        }
    }

    private ArrayNode array(int depth) {
        depthCheck(depth);
        pos++; // [
        ArrayNode node = F.arrayNode();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return node;
        }
        while (true) {
            skipWhitespace();
            node.add(value(depth));
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
                return node;
            } else {
                throw fail("EL-PARSE-SYNTAX", "expected ',' or ']' after an array item");
            }
        }
    }

    private String string() {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw fail("EL-PARSE-SYNTAX", "unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(runStart, pos) : sb.append(text, runStart, pos).toString();
                pos++;
                if (s.length() > maxStringChars) {
                    pos = start;
                    throw fail("EL-PARSE-STRING-TOO-LONG", "a string has " + s.length() + " characters, more than the limit of "
                            + maxStringChars);
                }
                checkSurrogates(s, start);
                return s;
            }
            if (c < 0x20) {
                throw fail("EL-PARSE-SYNTAX", "unescaped control character " + describe(c) + " in a string; write it as \\u"
                        + String.format("%04x", (int) c));
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(text, runStart, pos);
                pos++;
                if (pos >= text.length()) {
                    throw fail("EL-PARSE-SYNTAX", "unterminated escape in a string");
                }
                char e = text.charAt(pos);
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 >= text.length()) {
                            throw fail("EL-PARSE-SYNTAX", "a \\u escape needs four hex digits");
                        }
                        int v = 0;
                        for (int i = 1; i <= 4; i++) {
                            int d = Character.digit(text.charAt(pos + i), 16);
                            if (d < 0 || text.charAt(pos + i) > 'f') {
                                throw fail("EL-PARSE-SYNTAX", "a \\u escape needs four hex digits");
                            }
                            v = v * 16 + d;
                        }
                        sb.append((char) v);
                        pos += 4;
                    }
                    default -> throw fail("EL-PARSE-SYNTAX", "invalid escape \\" + describe(e) + " in a string");
                }
                if (sb.length() > maxStringChars) {
                    pos = start;
                    throw fail("EL-PARSE-STRING-TOO-LONG", "a string is longer than the limit of " + maxStringChars + " characters");
                }
                pos++;
                runStart = pos;
            } else {
                pos++;
                if (sb == null && pos - runStart > maxStringChars) {
                    pos = start;
                    throw fail("EL-PARSE-STRING-TOO-LONG", "a string is longer than the limit of " + maxStringChars + " characters");
                }
            }
        }
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

    private JsonNode number() {
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
        String literal = text.substring(start, pos);
        if (integral && literal.length() <= 19) {
            try {
                long v = Long.parseLong(literal);
                return v == (int) v ? F.numberNode((int) v) : F.numberNode(v);
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
        return F.numberNode(d);
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
        if (!text.startsWith(word, pos)) {
            throw fail("EL-PARSE-SYNTAX", "unexpected characters; did you mean " + word + "?");
        }
        pos += word.length();
    }

    private void expect(char c, String message) {
        if (peek() != c) {
            throw fail("EL-PARSE-SYNTAX", message);
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private JsonReadException fail(String code, String message) {
        int at = Math.min(pos, text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        long byteOffset = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text, 0, at)).remaining();
        return new JsonReadException(code, byteOffset, line, at - lineStart + 1, message);
    }
}
