package org.evalledger.signing;

import java.util.Locale;
import java.util.Optional;

/** A signature algorithm. Immutable and thread-safe. */
public enum Algorithm {
    /** Ed25519 (RFC 8032), the default. */
    ED25519("ed25519"),
    /** ECDSA on P-256 with SHA-256; signatures are 64-byte r||s, low-S when signing. */
    ECDSA_P256("ecdsa-p256");

    private final String wireName;

    Algorithm(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling used by the CLI and JSON output: {@code ed25519} or {@code ecdsa-p256}. */
    public String wireName() {
        return wireName;
    }

    /** The algorithm with this spelling (case-insensitive). */
    public static Optional<Algorithm> fromWireName(String name) {
        for (Algorithm a : values()) {
            if (a.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
