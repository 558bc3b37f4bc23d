package org.evalledger.core;

import org.jspecify.annotations.Nullable;

/**
 * Who ran or reported the evaluation ({@code producer}). Immutable and thread-safe.
 *
 * @param name who ran or reported it
 * @param kind organization, person or service
 * @param url a URI about the producer
 * @param relationship the producer's relationship to the model
 * @param sourceType where the numbers come from
 */
public record Producer(
        String name,
        @Nullable ProducerKind kind,
        @Nullable String url,
        Relationship relationship,
        SourceType sourceType) {

    /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
    public Producer {
        Checks.nonEmpty(name, "producer.name");
        Checks.nonEmptyOrNull(url, "producer.url");
        Checks.required(relationship, "producer.relationship");
        Checks.required(sourceType, "producer.sourceType");
    }

    /** A producer with the required fields only. */
    public static Producer of(String name, Relationship relationship, SourceType sourceType) {
        return new Producer(name, null, null, relationship, sourceType);
    }
}
