package org.evalledger.core;

/**
 * The batch size of a run ({@code environment.batchSize}): a number, or {@code "auto"} when the
 * harness chose it. Immutable and thread-safe.
 */
public sealed interface BatchSize {

    /** A fixed batch size. @param size the size, {@code >= 1} */
    record Fixed(int size) implements BatchSize {
        /** @throws IllegalArgumentException when the size is below 1 */
        public Fixed {
            Checks.atLeastOrNull(size, 1, "environment.batchSize");
        }
    }

    /** The harness chose the batch size ({@code "auto"}). */
    enum Auto implements BatchSize {
        /** The only instance. */
        INSTANCE
    }

    /** A fixed batch size. */
    static BatchSize of(int size) {
        return new Fixed(size);
    }

    /** {@code "auto"}. */
    static BatchSize auto() {
        return Auto.INSTANCE;
    }
}
