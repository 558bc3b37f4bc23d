package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.evalledger.core.EvaluationRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * SCHEMA.md "Stability promise": every version of the library reads the golden v1 documents,
 * validates them and re-serialises them to identical canonical (JCS) bytes.
 */
class GoldenV1StabilityTest {
    static final java.util.List<String> NAMES = Golden.NAMES;
    private static final RecordValidator VALIDATOR =
            RecordValidator.standard().withClock(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @FieldSource("NAMES")
    void readsAndReserialisesToTheIdenticalCanonicalBytes(String name) {
        EvaluationRecord record = RecordCodec.standard().read(Golden.json(name));
        assertEquals(new String(Golden.jcs(name), StandardCharsets.UTF_8),
                new String(RecordCodec.standard().canonical(record), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void canonicalisesTheDocumentBytesToTheIndependentlyProducedForm(String name) {
        assertArrayEquals(Golden.jcs(name), CanonicalJson.canonicalize(Golden.json(name)));
        assertTrue(CanonicalJson.isCanonical(Golden.jcs(name)));
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void validatesWithoutIssues(String name) {
        ValidationReport report = VALIDATOR.validate(Golden.json(name));
        assertTrue(report.valid(), report.toString());
        assertEquals(java.util.List.of(), report.issues());
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void digestIsSha256OfTheCanonicalBytes(String name) throws Exception {
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Golden.jcs(name)));
        EvaluationRecord record = RecordCodec.standard().read(Golden.json(name));
        assertEquals(expected, RecordCodec.standard().digest(record));
        assertEquals(expected, VALIDATOR.validate(Golden.json(name)).digest().orElseThrow());
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void writtenFormReadsBackAsAnEqualRecord(String name) {
        RecordCodec codec = RecordCodec.standard();
        EvaluationRecord record = codec.read(Golden.json(name));
        assertEquals(record, codec.read(codec.write(record)));
    }
}
