package org.evalledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.AnomalyReport;
import org.evalledger.anomaly.Finding;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordValidator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks records (or the records in envelopes) against a population: findings with evidence and a suspicion score.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;
    @Option(names = "--population", required = true, paramLabel = "PATH",
            description = "A directory of records and envelopes, or an Open LLM Leaderboard v1/v2 CSV.")
    Path population;
    @Parameters(paramLabel = "RECORD_OR_ENVELOPE", arity = "1..*", description = "Files or directories.")
    List<Path> files;

    /** The population {@link Main#run} started before the parse, if any. */
    @Nullable EarlyPopulation early;

    @Override
    public Integer call() {
        // the population is fitted while the inputs are listed and the first one is read and
        // validated; its errors still come before any line about an input, as when it was loaded first
        CompletableFuture<AnomalyDetector> fitting = Populations.fitInBackground(population, spec.commandLine().getErr(), early);
        List<Path> inputs = Inputs.expand(files, true);
        RecordValidator validator = RecordValidator.standard();
        Uploads.Validated first = null;
        UsageException unreadable = null;
        try {
            first = inputs.isEmpty() ? null : Uploads.validate(Inputs.read(inputs.get(0)), validator);
        } catch (UsageException e) {
            unreadable = e;
        }
        AnomalyDetector detector = Populations.await(fitting);
        if (unreadable != null) {
            throw unreadable;
        }
        List<Object> items = new ArrayList<>();
        int exit = Main.OK;
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < inputs.size(); i++) {
            Path f = inputs.get(i);
            Uploads.Validated v = i == 0 ? first : Uploads.validate(Inputs.read(f), validator);
            Optional<EvaluationRecord> r = v.record();
            if (r.isEmpty()) {
                spec.commandLine().getErr().println("evalledger: " + f + ": not a valid record or envelope ("
                        + v.report().errors().stream().map(issue -> issue.code()).distinct().toList() + "); run validate for details");
                exit = Main.FAILED;
                continue;
            }
            AnomalyReport report = detector.check(r.get());
            items.add(Uploads.checkItem(f, v.report().digest().orElse(null), report));
            if (Uploads.flagged(report)) {
                exit = Main.FAILED;
            }
            if (!format.json()) {
                out.printf("%s  suspicion %.1f%s%n", f, report.suspicion(), report.findings().isEmpty() ? "  no findings" : "");
                for (Finding fi : report.findings()) {
                    out.printf("  %-3s %-7s %-14s %s%n", fi.detector(), fi.severity().wireName(), fi.benchmark(), fi.message());
                }
            }
        }
        if (format.json()) {
            Json.print(out, items);
        }
        return exit;
    }
}
