package org.evalledger.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.schema.RecordValidator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The hub operator's job: parse, validate, verify and check every upload, then ACCEPT, REVIEW or REJECT with reasons.")
final class AuditCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;
    @Option(names = "--trust", required = true, paramLabel = "POLICY", description = "Trust policy file.")
    Path trust;
    @Option(names = "--population", required = true, paramLabel = "PATH",
            description = "A directory of records and envelopes, or an Open LLM Leaderboard v1/v2 CSV.")
    Path population;
    @Option(names = "--require", paramLabel = "verified|self-reported|any", defaultValue = "self-reported",
            description = "Lowest status accepted without review (default: ${DEFAULT-VALUE}).")
    String require;
    @Option(names = "--report", paramLabel = "FILE", description = "Also write the audit JSON document to FILE.")
    Path report;
    @Option(names = "--at", paramLabel = "TIME", description = "RFC 3339 time to verify at (default: now).")
    String at;
    @Parameters(paramLabel = "UPLOAD", arity = "1..*", description = "Record or envelope files, or directories searched recursively.")
    List<Path> uploads;

    /** The population {@link Main#run} started before the parse, if any. */
    @Nullable EarlyPopulation early;

    @Override
    public Integer call() {
        var required = Auditor.required(require);
        // fitted while the uploads are listed, the trust policy read and the first uploads verified;
        // its errors are reported after theirs, before any output, as when it was loaded in turn
        CompletableFuture<AnomalyDetector> detector = Populations.fitInBackground(population, spec.commandLine().getErr(), early);
        List<Path> files = AuditRun.list(uploads);
        var verifier = VerifyCommand.verifier(trust);
        Auditor auditor = new Auditor(RecordValidator.standard(), verifier, detector, required, VerifyCommand.time(at));
        boolean interactive = System.console() != null;
        AuditRun.Summary s = AuditRun.run(files, auditor, spec.commandLine().getOut(), spec.commandLine().getErr(), format.json(), report,
                interactive && !format.json(), null);
        return s.exitCode();
    }
}
