package org.evalledger.core;

/** Whether a model's weights are published ({@code model.availability}). Immutable and thread-safe. */
public enum Availability implements WireEnum {
    OPEN_WEIGHTS,
    CLOSED_WEIGHTS,
    UNKNOWN;

    @Override
    public String wireName() {
        return WireEnum.lowerCase(this);
    }
}
