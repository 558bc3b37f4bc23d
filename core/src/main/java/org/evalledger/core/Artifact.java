package org.evalledger.core;

import org.jspecify.annotations.Nullable;

/**
 * A file produced by the run, pinned by its hash ({@code results[].artifacts[]}). Immutable and thread-safe.
 *
 * @param kind what the file holds
 * @param uri a URI reference; relative paths are allowed
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param rows number of rows (e.g. samples), {@code >= 0}
 */
public record Artifact(ArtifactKind kind, String uri, String sha256, @Nullable Long rows) {
    /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
    public Artifact {
        Checks.required(kind, "artifact.kind");
        Checks.nonEmpty(uri, "artifact.uri");
        Checks.matches(sha256, CharRun.HEX64, "artifact.sha256");
        Checks.atLeastOrNull(rows, 0, "artifact.rows");
    }
}
