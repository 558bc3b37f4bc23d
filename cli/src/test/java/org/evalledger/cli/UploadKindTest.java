package org.evalledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An upload is an envelope when it is one JSON object with top-level payloadType and signatures. */
class UploadKindTest {
    private static Uploads.Kind kind(String json) {
        return Uploads.kind(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"payloadType\":\"x\",\"payload\":\"e30=\",\"signatures\":[{\"sig\":\"AA==\"}]}",
        " \n{\"signatures\":[], \"payloadType\":1}\n",
        "{\"payloadType\":\"x\",\"signatures\":{\"nested\":[1,{\"a\":2}]},\"extra\":null}"})
    void oneObjectWithPayloadTypeAndSignaturesAtTheTopIsAnEnvelope(String json) {
        assertEquals(Uploads.Kind.envelope, kind(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schema\":\"https://evalledger.org/schemas/record/v1\"}",
        "{\"payloadType\":\"x\"}",
        "{\"extensions\":{\"payloadType\":\"x\",\"signatures\":[]}}",
        "[{\"payloadType\":\"x\",\"signatures\":[]}]",
        "{\"payloadType\":\"x\",\"signatures\":[",
        "{\"payloadType\":\"x\",\"signatures\":[]} {}",
        "{\"payloadType\":\"x\",\"signatures\":[]} trailing",
        "not json",
        ""})
    void anythingElseIsARecordForValidationToJudge(String json) {
        assertEquals(Uploads.Kind.record, kind(json));
    }
}
