package org.evalledger.signing.internal;

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
        Optional<byte[]> std = decode(text, STD);
        return std.isPresent() ? std : decode(text, URL);
    }

    private static Optional<byte[]> decode(String text, int[] table) {
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
        byte[] out = new byte[data / 4 * 3 + (rem == 0 ? 0 : rem - 1)];
        int acc = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < data; i++) {
            char c = text.charAt(i);
            int v = c < 128 ? table[c] : -1;
            if (v < 0) {
                return Optional.empty();
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        if (acc != 0) {
            return Optional.empty(); // non-zero unused bits: not the canonical encoding
        }
        return Optional.of(out);
    }

    /** Standard base64 with padding. */
    public static String encode(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
