package org.evalledger.schema.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reader's eight-bytes-at-a-time ASCII scan agrees with a byte-by-byte one, at every length and position. */
class AsciiScanTest {
    private static boolean byteByByte(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void findsANonAsciiByteAtEveryPositionOfEveryShortLength() {
        for (int length = 0; length <= 40; length++) {
            byte[] b = new byte[length];
            for (int i = 0; i < length; i++) {
                b[i] = (byte) ('a' + i % 26);
            }
            assertEquals(true, StrictJsonReader.isAscii(b), "length " + length);
            for (int at = 0; at < length; at++) {
                for (int high : new int[] {0x80, 0xC3, 0xFF}) {
                    byte[] c = b.clone();
                    c[at] = (byte) high;
                    assertEquals(false, StrictJsonReader.isAscii(c), "length " + length + ", byte " + at);
                }
            }
        }
    }

    @Test
    void agreesOnRandomBytesAndOnUtf8Text() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(0, 200)];
            for (int j = 0; j < b.length; j++) {
                b[j] = (byte) (random.nextInt(100) == 0 ? random.nextInt(256) : random.nextInt(128));
            }
            assertEquals(byteByByte(b), StrictJsonReader.isAscii(b));
        }
        assertEquals(false, StrictJsonReader.isAscii("{\"a\":\"caf\u00e9 and more text\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
