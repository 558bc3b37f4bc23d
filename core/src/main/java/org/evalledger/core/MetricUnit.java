package org.evalledger.core;

/** The unit of a metric value; absent means {@link #PROPORTION}. Immutable and thread-safe. */
public enum MetricUnit implements WireEnum {
    PROPORTION,
    PERCENT,
    POINTS,
    COUNT,
    SECONDS,
    OTHER;

    @Override
    public String wireName() {
        return WireEnum.lowerCase(this);
    }
}
