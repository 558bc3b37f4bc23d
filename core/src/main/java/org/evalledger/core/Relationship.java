package org.evalledger.core;

/** The producer's relationship to the model evaluated ({@code producer.relationship}). Immutable and thread-safe. */
public enum Relationship implements WireEnum {
    FIRST_PARTY,
    THIRD_PARTY,
    COLLABORATIVE,
    HUB;

    @Override
    public String wireName() {
        return WireEnum.lowerCase(this);
    }
}
