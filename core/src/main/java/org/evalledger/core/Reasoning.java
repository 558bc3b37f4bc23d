package org.evalledger.core;

/**
 * Whether (or how much) a model reasoned before answering ({@code generation.reasoning}): a
 * boolean or a level such as {@code "high"}. Immutable and thread-safe.
 */
public sealed interface Reasoning {

    /** Reasoning on or off. @param enabled whether reasoning was on */
    record Flag(boolean enabled) implements Reasoning {}

    /** A named reasoning level or budget. @param level e.g. {@code high} */
    record Level(String level) implements Reasoning {
        /** @throws IllegalArgumentException when the level is empty */
        public Level {
            Checks.nonEmpty(level, "generation.reasoning");
        }
    }
}
