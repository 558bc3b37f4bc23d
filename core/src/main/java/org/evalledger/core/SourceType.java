package org.evalledger.core;

/** Where the numbers of a record come from ({@code producer.sourceType}). Immutable and thread-safe. */
public enum SourceType implements WireEnum {
    EVALUATION_RUN,
    DOCUMENTATION,
    PAPER,
    LEADERBOARD;

    @Override
    public String wireName() {
        return WireEnum.lowerCase(this);
    }
}
