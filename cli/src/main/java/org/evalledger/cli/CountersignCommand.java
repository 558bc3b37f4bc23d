package org.evalledger.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "countersign", mixinStandardHelpOptions = true,
        description = "Adds your signature to envelopes (after re-running the evaluation). One input and no --out: to stdout.")
final class CountersignCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;
    @Mixin
    SigningOptions options;
    @Parameters(paramLabel = "ENVELOPE", arity = "1..*", description = "Envelope files.")
    List<Path> inputs;

    @Override
    public Integer call() {
        return SignCommand.run(spec, format, options.key, options.out, inputs, true);
    }
}
