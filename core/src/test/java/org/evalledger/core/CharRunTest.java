package org.evalledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each character-run check of the value types answers as its regular expression does (a whole-string match). */
class CharRunTest {
    private static final List<CharRun> ALL = List.of(CharRun.HEX64, CharRun.DIGEST, CharRun.RECORD_ID, CharRun.BENCHMARK);
    private static final String ALPHABET = "abcdefxyzAFZ0189._:/-_ \n\u00e9\u0130\uff10\ud83d\ude00s";

    private static void agree(CharRun run, String s) {
        assertEquals(Pattern.compile(run.pattern()).matcher(s).matches(), run.matches(s), run.pattern() + " on \"" + s + "\"");
    }

    @Test
    void agreesWithItsRegularExpressionOnRandomStringsAroundItsLengthBounds() {
        SplittableRandom random = new SplittableRandom(64);
        for (CharRun run : ALL) {
            for (int i = 0; i < 20_000; i++) {
                int length = random.nextInt(4) == 0 ? random.nextInt(0, 300) : random.nextInt(60, 72);
                StringBuilder sb = new StringBuilder(random.nextInt(3) == 0 ? "sha256:" : "");
                boolean clean = random.nextBoolean();
                for (int k = 0; k < length; k++) {
                    sb.append(clean ? "0123456789abcdef".charAt(random.nextInt(16)) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                if (sb.length() > 0 && random.nextInt(5) == 0) {
                    sb.setCharAt(random.nextInt(sb.length()), "G-_\n".charAt(random.nextInt(4)));
                }
                agree(run, sb.toString());
            }
            for (String s : List.of("", "a", "sha256:", "sha256", "SHA256:" + "a".repeat(64), "a".repeat(64), "a".repeat(63), "a".repeat(65),
                    "sha256:" + "a".repeat(64), "x".repeat(256), "x".repeat(257), "org/model-1.0_x:y", "arc_easy", "arc-easy\n", "é")) {
                agree(run, s);
            }
        }
    }
}
