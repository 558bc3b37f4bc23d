package org.evalledger.core;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation harness that produced the numbers ({@code harness}). Immutable and thread-safe.
 *
 * @param name e.g. {@code lm-evaluation-harness}
 * @param version harness version
 * @param commit harness git commit
 * @param packages versions of other packages that matter, by package name; empty when absent
 */
public record Harness(String name, @Nullable String version, @Nullable String commit, Map<String, String> packages) {

    /** @throws IllegalArgumentException or NullPointerException naming the field that is wrong */
    public Harness {
        Checks.nonEmpty(name, "harness.name");
        packages = Checks.map(packages, "harness.packages");
    }

    /** A harness with a name and version only. */
    public static Harness of(String name, @Nullable String version) {
        return new Harness(name, version, null, Map.of());
    }
}
