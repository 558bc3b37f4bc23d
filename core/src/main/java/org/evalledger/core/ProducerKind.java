package org.evalledger.core;

/** What kind of party produced a record ({@code producer.kind}). Immutable and thread-safe. */
public enum ProducerKind implements WireEnum {
    ORGANIZATION,
    PERSON,
    SERVICE;

    @Override
    public String wireName() {
        return WireEnum.lowerCase(this);
    }
}
