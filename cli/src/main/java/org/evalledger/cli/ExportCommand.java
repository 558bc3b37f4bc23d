package org.evalledger.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.interop.Export;
import org.evalledger.interop.Exporters;
import org.evalledger.schema.RecordCodec;
import org.evalledger.schema.RecordFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes records as Every Eval Ever JSON, a Hugging Face model-index front matter or .eval_results YAML.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;

    @Option(names = "--to", required = true, paramLabel = "eee|model-index|eval-results", description = "Target format.")
    String to;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Directory for the files (default: the current one).")
    Path out;
    @Parameters(paramLabel = "RECORD", arity = "1..*", description = "Record files.")
    List<Path> records;

    @Override
    public Integer call() {
        if (!List.of("eee", "model-index", "eval-results").contains(to)) {
            throw new UsageException("--to must be eee, model-index or eval-results, got " + to);
        }
        RecordCodec codec = RecordCodec.standard();
        List<Object> items = new ArrayList<>();
        List<EvaluationRecord> all = new ArrayList<>();
        int exit = Main.OK;
        for (Path f : Inputs.expand(records, true)) {
            EvaluationRecord r;
            try {
                r = codec.read(Inputs.read(f));
            } catch (RecordFormatException e) {
                spec.commandLine().getErr().println("evalledger: " + f + ": not a valid record: " + e.getMessage());
                exit = Main.FAILED;
                continue;
            }
            all.add(r);
            String stem = f.getFileName().toString().replaceFirst("\\.json$", "");
            if (to.equals("eee")) {
                items.add(write(out.resolve(stem + ".eee.json"), Exporters.toEee(r), f.toString()));
            } else if (to.equals("eval-results")) {
                items.add(write(out.resolve(stem + ".eval_results.yaml"), Exporters.toEvalResults(r), f.toString()));
            }
        }
        if (to.equals("model-index") && !all.isEmpty()) {
            items.add(write(out.resolve("model-index.md"), Exporters.toModelIndex(all), String.join(",", records.stream().map(Path::toString).toList())));
        }
        if (format.json()) {
            Json.print(spec.commandLine().getOut(), items);
        }
        return exit;
    }

    private Map<String, Object> write(Path target, Export e, String source) {
        Inputs.write(target, e.content());
        if (!format.json()) {
            spec.commandLine().getOut().println(target);
            e.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + target + " " + w.path() + ": " + w.message()));
        }
        Map<String, Object> m = Json.obj();
        m.put("file", target.toString());
        m.put("format", e.format().cliName());
        m.put("source", source);
        return m;
    }
}
