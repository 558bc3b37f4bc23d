package org.evalledger.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Strict base64 decoding against a character-by-character reference of SIGNING.md's rule (the
 * standard or the URL-safe alphabet, not mixed; padding optional but only where it belongs; no
 * other character; no non-zero unused bits), over valid encodings and near misses of every length.
 */
class StrictBase64Test {
    private static final String STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String NOISE = "=-_+/ \n\t\u00e9\u0141.A0";

    @Test
    void decodesExactlyWhatTheReferenceAccepts() {
        SplittableRandom random = new SplittableRandom(4648);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(0, 40)];
            random.nextBytes(bytes);
            String valid = random.nextBoolean() ? java.util.Base64.getEncoder().encodeToString(bytes)
                    : java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String text = random.nextInt(4) == 0 ? valid : mutate(valid, random);
            Optional<byte[]> expected = reference(text);
            Optional<byte[]> got = StrictBase64.decode(text);
            assertEquals(expected.isPresent(), got.isPresent(), text);
            if (expected.isPresent()) {
                accepted++;
                assertArrayEquals(expected.get(), got.get(), text);
            }
        }
        assertTrue(accepted > 50_000 && accepted < 190_000, "accepted " + accepted);
    }

    private static String mutate(String s, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(s);
        int edits = r.nextInt(1, 3);
        for (int e = 0; e < edits; e++) {
            int kind = r.nextInt(4);
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            char c = r.nextBoolean() ? NOISE.charAt(r.nextInt(NOISE.length())) : STD.charAt(r.nextInt(64));
            if (kind == 0 && sb.length() > 0) {
                sb.deleteCharAt(at);
            } else if (kind == 1) {
                sb.insert(at, c);
            } else if (kind == 2 && sb.length() > 0) {
                sb.setCharAt(at, c);
            } else if (sb.length() > 0) {
                sb.setCharAt(sb.length() - 1, c); // the last character: its unused bits
            }
        }
        return sb.toString();
    }

    /** SIGNING.md's rule, one character at a time. */
    private static Optional<byte[]> reference(String text) {
        Optional<byte[]> std = reference(text, STD);
        return std.isPresent() ? std : reference(text, URL);
    }

    private static Optional<byte[]> reference(String text, String alphabet) {
        int len = text.length();
        int pad = 0;
        while (pad < 2 && len - pad > 0 && text.charAt(len - pad - 1) == '=') {
            pad++;
        }
        int data = len - pad;
        if ((pad > 0 && len % 4 != 0) || data % 4 == 1) {
            return Optional.empty();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < data; i++) {
            int v = alphabet.indexOf(text.charAt(i));
            if (v < 0) {
                return Optional.empty();
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write(acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return acc == 0 ? Optional.of(out.toByteArray()) : Optional.empty();
    }
}
