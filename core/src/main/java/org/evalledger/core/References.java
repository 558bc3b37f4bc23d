package org.evalledger.core;

import org.jspecify.annotations.Nullable;

/**
 * Where to read about and reproduce the evaluation ({@code references}). Immutable and thread-safe.
 *
 * @param paper the paper that reports it
 * @param code the code that ran it
 * @param source a URI the numbers were taken from
 */
public record References(@Nullable Paper paper, @Nullable Code code, @Nullable String source) {

    /** @throws IllegalArgumentException when the source is empty */
    public References {
        Checks.nonEmptyOrNull(source, "references.source");
    }

    /**
     * A paper ({@code references.paper}).
     *
     * @param arxiv arXiv id
     * @param doi DOI
     * @param url URL
     */
    public record Paper(@Nullable String arxiv, @Nullable String doi, @Nullable String url) {}

    /**
     * A code repository ({@code references.code}).
     *
     * @param repository repository URL
     * @param commit commit id
     */
    public record Code(String repository, @Nullable String commit) {
        /** @throws IllegalArgumentException when the repository is empty */
        public Code {
            Checks.nonEmpty(repository, "references.code.repository");
        }
    }
}
