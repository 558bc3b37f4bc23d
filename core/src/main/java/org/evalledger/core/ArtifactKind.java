package org.evalledger.core;

/** What an artifact file holds. Immutable and thread-safe. */
public enum ArtifactKind implements WireEnum {
    SAMPLES,
    LOG,
    CONFIG,
    OTHER;

    @Override
    public String wireName() {
        return WireEnum.lowerCase(this);
    }
}
