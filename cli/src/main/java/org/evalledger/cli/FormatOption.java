package org.evalledger.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, shared by every command. */
final class FormatOption {
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}); json goes to stdout as one document.",
            defaultValue = "text")
    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }
}
