package org.evalledger.signing.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Base64 as SIGNING.md requires: the standard or the URL-safe alphabet (not mixed), padding
 * optional, canonical only: no whitespace or other characters, no impossible length, and no
 * non-zero bits in the unused part of the last character (otherwise two different strings would
 * decode to the same bytes). Stateless and thread-safe.
 */
public final class StrictBase64 {
    private static final int[] STD = table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    private static final int[] URL = table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private StrictBase64() {}

    private static int[] table(String alphabet) {
        int[] t = new int[128];
        java.util.Arrays.fill(t, -1);
        for (int i = 0; i < alphabet.length(); i++) {
            t[alphabet.charAt(i)] = i;
        }
        return t;
    }

    /** The decoded bytes, or empty when the text is not canonical base64 in either alphabet. */
    public static Optional<byte[]> decode(String text) {
        Optional<byte[]> std = decode(text, STD, Base64.getDecoder());
        return std.isPresent() ? std : decode(text, URL, Base64.getUrlDecoder());
    }

    /**
     * The checks Java's decoder does not make (where padding may stand, the unused bits of the last
     * character), then Java's decoder on the whole text (its padding, checked here, ends a last
     * group of four, as Java's decoder wants it): it refuses any character outside its alphabet
     * (whitespace included), a '=' anywhere but in that padding, and a last group of one character.
     * The text's bytes are its one copy (decoding the String's chars by hand instead measured slower).
     */
    private static Optional<byte[]> decode(String text, int[] table, Base64.Decoder decoder) {
        int len = text.length();
        int pad = 0;
        while (pad < 2 && len - pad > 0 && text.charAt(len - pad - 1) == '=') {
            pad++;
        }
        int data = len - pad;
        if (pad > 0 && len % 4 != 0) {
            return Optional.empty(); // padding present but wrong
        }
        int rem = data % 4;
        if (rem == 1) {
            return Optional.empty();
        }
        if (rem != 0) {
            char last = text.charAt(data - 1);
            int v = last < 128 ? table[last] : -1;
            if (v < 0 || (v & (rem == 2 ? 0xF : 0x3)) != 0) {
                return Optional.empty(); // non-zero unused bits: not the canonical encoding
            }
        }
        // ISO-8859-1 writes any character beyond it as '?', which no alphabet holds
        byte[] chars = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return Optional.of(decoder.decode(chars));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Standard base64 with padding. */
    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
