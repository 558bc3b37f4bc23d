package org.evalledger.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * DSSE v1 Pre-Authentication Encoding, the exact bytes every signature covers:
 * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, where LEN is the <b>byte</b> length in
 * ASCII decimal (not a count of UTF-16 chars or code points). Stateless and thread-safe.
 */
public final class Pae {
    private Pae() {}

    /**
     * @param payloadType the payload type, as UTF-8
     * @param payload the exact payload bytes
     * @return the PAE bytes
     */
    public static byte[] encode(String payloadType, byte[] payload) {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + payload.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
