package org.evalledger.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.StrictJson;
import org.evalledger.testkit.SharedData;

/** The Merkle vectors of {@code ../shared/vectors/merkle/}, read with our strict parser. */
final class Vectors {
    private Vectors() {}

    static JsonValue.JsonObject read(String name) {
        try {
            byte[] bytes = Files.readAllBytes(SharedData.path("vectors/merkle/" + name));
            return (JsonValue.JsonObject) StrictJson.parse(bytes, new ParseLimits(1 << 24, 1 << 20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonValue get(JsonValue o, String key) {
        JsonValue v = ((JsonValue.JsonObject) o).members().get(key);
        if (v == null) {
            throw new AssertionError("vector has no " + key + ": " + o);
        }
        return v;
    }

    static List<JsonValue> list(JsonValue o, String key) {
        return ((JsonValue.JsonArray) get(o, key)).items();
    }

    static String str(JsonValue o, String key) {
        return ((JsonValue.JsonString) get(o, key)).value();
    }

    static long num(JsonValue o, String key) {
        return (long) ((JsonValue.JsonNumber) get(o, key)).value();
    }

    static boolean bool(JsonValue o, String key) {
        return ((JsonValue.JsonBoolean) get(o, key)).value();
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static List<byte[]> hexes(JsonValue o, String key) {
        List<byte[]> out = new ArrayList<>();
        for (JsonValue v : list(o, key)) {
            out.add(hex(((JsonValue.JsonString) v).value()));
        }
        return out;
    }
}
