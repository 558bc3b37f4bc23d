package org.evalledger.core;

/** How a standard error was computed. Immutable and thread-safe. */
public enum StderrMethod implements WireEnum {
    ANALYTIC,
    BOOTSTRAP,
    JACKKNIFE,
    OTHER;

    @Override
    public String wireName() {
        return WireEnum.lowerCase(this);
    }
}
