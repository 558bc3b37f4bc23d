package org.evalledger.signing;

import java.util.Locale;
import java.util.Optional;

/** What a trusted key vouches for (SIGNING.md "Trust policy and status"). Immutable and thread-safe. */
public enum Role {
    /** Vouches that it ran (or reports) the evaluation. */
    PRODUCER,
    /** Vouches that it re-ran the evaluation independently. */
    VERIFIER,
    /** Signs ledger checkpoints; never counts toward a record's status. */
    HUB;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case spelling used in policy files. */
    public String wireName() {
        return wireName;
    }

    /** The role with this spelling. */
    public static Optional<Role> fromWireName(String name) {
        for (Role r : values()) {
            if (r.wireName().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
