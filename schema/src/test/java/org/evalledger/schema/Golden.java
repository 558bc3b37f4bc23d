package org.evalledger.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The golden v1 documents of schema/src/test/resources/golden/v1 (never edited). */
final class Golden {
    static final List<String> NAMES = List.of("minimal", "full", "multi-result", "extensions");

    private Golden() {}

    static byte[] json(String name) {
        return resource("/golden/v1/" + name + ".json");
    }

    /** The RFC 8785 form, produced once by an independent canonicaliser (Node's JSON). */
    static byte[] jcs(String name) {
        return resource("/golden/v1/" + name + ".jcs");
    }

    static byte[] resource(String path) {
        try (InputStream in = Golden.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
