package org.evalledger.signing;

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
        byte[] head = ("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] middle = (" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII);
        // one array of the exact size: the payload (often kilobytes) is copied once
        byte[] pae = new byte[head.length + type.length + middle.length + payload.length];
        int at = 0;
        System.arraycopy(head, 0, pae, at, head.length);
        at += head.length;
        System.arraycopy(type, 0, pae, at, type.length);
        at += type.length;
        System.arraycopy(middle, 0, pae, at, middle.length);
        at += middle.length;
        System.arraycopy(payload, 0, pae, at, payload.length);
        return pae;
    }
}
