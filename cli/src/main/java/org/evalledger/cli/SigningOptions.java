package org.evalledger.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code sign} and {@code countersign} share. */
final class SigningOptions {
    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Private key file (PKCS#8 PEM).")
    Path key;

    @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "Output file (one input) or directory (several inputs, an existing directory, or a path ending in /).")
    String out;
}
