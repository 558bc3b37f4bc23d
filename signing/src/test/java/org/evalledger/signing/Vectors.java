package org.evalledger.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.StrictJson;
import org.evalledger.testkit.SharedData;

/**
 * Reads the public test vectors in ../shared/vectors through {@link SharedData}.
 */
final class Vectors {
    private Vectors() {}

    static Path path(String relative) {
        return SharedData.path(relative);
    }

    static JsonValue json(String relative) {
        try {
            return StrictJson.parse(Files.readAllBytes(path(relative)), new ParseLimits(64L << 20, 16 << 20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, JsonValue> obj(JsonValue v) {
        return ((JsonValue.JsonObject) v).members();
    }

    static List<JsonValue> arr(JsonValue v) {
        return ((JsonValue.JsonArray) v).items();
    }

    static String str(JsonValue v, String name) {
        return ((JsonValue.JsonString) obj(v).get(name)).value();
    }

    static byte[] hex(JsonValue v, String name) {
        return HexFormat.of().parseHex(str(v, name));
    }

    static byte[] bytes(JsonValue v) {
        return StrictJson.canonical(v);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
