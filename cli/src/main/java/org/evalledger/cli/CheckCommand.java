package org.evalledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.AnomalyReport;
import org.evalledger.anomaly.Finding;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordValidator;
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

    @Override
    public Integer call() {
        List<Path> inputs = Inputs.expand(files, true);
        AnomalyDetector detector = AnomalyDetector.fit(Populations.load(population, spec.commandLine().getErr()));
        RecordValidator validator = RecordValidator.standard();
        List<Object> items = new ArrayList<>();
        int exit = Main.OK;
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : inputs) {
            Uploads.Validated v = Uploads.validate(Inputs.read(f), validator);
            Optional<EvaluationRecord> r = v.record();
            if (r.isEmpty()) {
                spec.commandLine().getErr().println("evalledger: " + f + ": not a valid record or envelope ("
                        + v.report().errors().stream().map(i -> i.code()).distinct().toList() + "); run validate for details");
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
