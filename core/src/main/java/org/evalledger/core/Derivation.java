package org.evalledger.core;

/** How a model was derived from its parent ({@code model.derivation}). Immutable and thread-safe. */
public enum Derivation implements WireEnum {
    BASE,
    FINETUNE,
    MERGE,
    QUANTIZED,
    ADAPTER,
    DISTILLED,
    OTHER;

    @Override
    public String wireName() {
        return WireEnum.lowerCase(this);
    }
}
