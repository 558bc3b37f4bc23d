package org.evalledger.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real sample files in ../shared (ARCHITECTURE.md "Data that is not ours"):
 * skips when absent on a developer machine, fails under CI.
 */
final class Shared {
    private Shared() {}

    static Path path(String relative) {
        String root = System.getProperty("evalledger.shared");
        Path p = root == null ? null : Path.of(root).resolve(relative).normalize();
        if (p == null || !Files.exists(p)) {
            String why = "shared test data " + relative + " not found (evalledger.shared=" + root + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + "; CI must run with ../shared beside the repository");
            }
            Assumptions.abort(why + ": skipped");
        }
        return p;
    }
}

