package org.evalledger.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A hidden command that fails like a bug would, so that the exit code 3 path is tested through the real jar. */
@Command(name = "internal-error-test", hidden = true, description = "Fails with an internal error (exit 3); for tests.")
final class CrashCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("deliberate internal error for testing exit code 3");
    }
}
