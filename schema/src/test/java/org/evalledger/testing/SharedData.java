package org.evalledger.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the data that is not ours (ARCHITECTURE.md "Data that is not ours"): the folder named by
 * the system property {@code evalledger.shared}. Missing data skips the test on a developer
 * machine and fails it under CI ({@code CI=true}).
 */
public final class SharedData {
    private SharedData() {}

    /** The path of a file or folder under the shared folder; skips or fails when it is absent. */
    public static Path path(String relative) {
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
