package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.evalledger.core.EvaluationRecord;
import org.junit.jupiter.api.Test;

class SeriesKeyTest {

    @Test
    void isTheCanonicalJsonOfTheSevenPartsWithNullForAbsentOnes() {
        EvaluationRecord full = RecordCodec.standard().read(Golden.json("full"));
        assertEquals("[\"example-org/example-7b-instruct\",\"gsm8k\",\"main\",\"test\",5,\"strict-match\",\"exact_match\"]",
                SeriesKey.allOf(full).get(0).canonical());
        EvaluationRecord minimal = RecordCodec.standard().read(Golden.json("minimal"));
        assertEquals("[\"EleutherAI/pythia-160m\",\"arc_easy\",null,null,null,null,\"acc\"]",
                SeriesKey.allOf(minimal).get(0).canonical());
    }

    @Test
    void aFilterOfNoneIsTheSameAsNoFilter() {
        SeriesKey none = new SeriesKey("m", "b", null, null, 0, "none", "acc");
        SeriesKey absent = new SeriesKey("m", "b", null, null, 0, null, "acc");
        assertEquals(absent, none);
        assertEquals(absent.canonical(), none.canonical());
    }

    @Test
    void distinguishesFiltersAndMetricsOfOneTask() {
        EvaluationRecord multi = RecordCodec.standard().read(Golden.json("multi-result"));
        List<SeriesKey> keys = SeriesKey.allOf(multi);
        assertEquals(7, keys.size());
        assertEquals(7, keys.stream().map(SeriesKey::canonical).distinct().count());
        assertNotEquals(keys.get(3), keys.get(4)); // gsm8k strict-match vs flexible-extract
    }

    @Test
    void escapesStringsAsRfc8785Does() {
        assertEquals("[\"org/\\\"quoted\\\"\",\"b\",null,null,null,null,\"\u00e9\"]",
                new SeriesKey("org/\"quoted\"", "b", null, null, null, null, "\u00e9").canonical());
    }
}
