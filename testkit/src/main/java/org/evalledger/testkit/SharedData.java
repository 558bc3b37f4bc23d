package org.evalledger.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the data that is not ours (ARCHITECTURE.md "Data that is not ours") and the repository
 * root, for tests. Shared data is the folder named by the system property {@code evalledger.shared}
 * (the parent POM sets it); missing data skips the test on a developer machine and fails it under
 * CI ({@code CI=true}). Stateless and thread-safe.
 */
public final class SharedData {
    private SharedData() {}

    /** The path of a file or folder under the shared folder; skips or fails the test when it is absent. */
    public static Path path(String relative) {
        String root = System.getProperty("evalledger.shared");
        Path p = root == null ? null : Path.of(root).resolve(relative).normalize();
        if (p == null || !Files.exists(p)) {
            String why = "shared test data " + relative + " not found (evalledger.shared=" + root + ")";
            if (underCi()) {
                throw new AssertionError(why + "; CI must run with ../shared beside the repository");
            }
            Assumptions.abort(why + ": skipped");
        }
        return p;
    }

    /** The repository root (system property {@code evalledger.root}, else the module's parent folder). */
    public static Path repositoryRoot() {
        String root = System.getProperty("evalledger.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    /** Whether the tests run under CI ({@code CI=true}), where nothing may be skipped for want of a tool or data. */
    public static boolean underCi() {
        return "true".equals(System.getenv("CI"));
    }
}
