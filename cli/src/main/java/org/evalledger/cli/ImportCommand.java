package org.evalledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Relationship;
import org.evalledger.core.SourceType;
import org.evalledger.core.WireEnum;
import org.evalledger.interop.Format;
import org.evalledger.interop.ImportException;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.ImportResult;
import org.evalledger.interop.ImportWarning;
import org.evalledger.interop.Importers;
import org.evalledger.schema.RecordCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Converts foreign results into records, one JSON file per record; the format is detected from the content unless --from says it.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;

    @Option(names = "--from", paramLabel = "FORMAT", description = "lm-eval, eee, model-index, eval-results, inspect, helm or leaderboard-csv.")
    String from;
    @Option(names = "--model", paramLabel = "ID", description = "Model id, when the source does not name it.")
    String model;
    @Option(names = "--revision", paramLabel = "REV", description = "Model revision.")
    String revision;
    @Option(names = "--producer", paramLabel = "NAME", description = "Who produced the results.")
    String producer;
    @Option(names = "--relationship", paramLabel = "R", description = "Producer's relationship to the model, e.g. first_party.")
    String relationship;
    @Option(names = "--source-type", paramLabel = "T", description = "Kind of source, e.g. evaluation_run.")
    String sourceType;
    @Option(names = "--created-at", paramLabel = "TIME", description = "RFC 3339 creation time of the records (default: now).")
    String createdAt;
    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the records (default: the current one).", defaultValue = ".")
    Path out;
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import (a HELM run directory counts as one).")
    List<Path> files;

    @Override
    public Integer call() {
        ImportOptions options = options();
        Optional<Format> forced = from == null ? Optional.empty()
                : Optional.of(Format.fromCliName(from).orElseThrow(() -> new UsageException("--from: unknown format " + from)));
        RecordCodec codec = RecordCodec.standard();
        List<Object> items = new ArrayList<>();
        int exit = Main.OK;
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new UsageException("no such file or directory: " + f);
            }
            ImportResult result;
            try {
                if (Files.isDirectory(f) || forced.isEmpty()) {
                    result = Importers.importFile(f, options);
                } else {
                    result = Importers.importBytes(Inputs.read(f), forced, options);
                }
            } catch (ImportException e) {
                spec.commandLine().getErr().println("evalledger: " + f + ": " + e.getMessage());
                exit = Main.FAILED;
                continue;
            }
            for (EvaluationRecord r : result.records()) {
                Path target = out.resolve(r.recordId().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
                Inputs.write(target, codec.write(r));
                Map<String, Object> m = Json.obj();
                m.put("file", target.toString());
                m.put("source", f.toString());
                m.put("format", result.format().cliName());
                m.put("recordId", r.recordId());
                List<Object> warnings = new ArrayList<>();
                for (ImportWarning w : result.warnings()) {
                    Map<String, Object> o = Json.obj();
                    o.put("path", w.path());
                    o.put("message", w.message());
                    warnings.add(o);
                }
                m.put("warnings", warnings);
                items.add(m);
                if (!format.json()) {
                    spec.commandLine().getOut().println(target);
                }
            }
            if (!format.json()) {
                for (ImportWarning w : result.warnings()) {
                    spec.commandLine().getErr().println("warning: " + f + " " + w.path() + ": " + w.message());
                }
            }
        }
        if (format.json()) {
            Json.print(spec.commandLine().getOut(), items);
        }
        return exit;
    }

    private ImportOptions options() {
        ImportOptions o = ImportOptions.defaults();
        if (createdAt != null) {
            try {
                o = o.withClock(Clock.fixed(Instant.parse(createdAt), ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw new UsageException("--created-at must be an RFC 3339 UTC time such as 2026-06-13T09:30:00Z, got " + createdAt);
            }
        }
        if (model != null) {
            o = o.withModel(model);
        }
        if (revision != null) {
            o = o.withRevision(revision);
        }
        if (producer != null) {
            o = o.withProducer(producer);
        }
        if (relationship != null) {
            o = o.withRelationship(WireEnum.fromWire(Relationship.class, relationship)
                    .orElseThrow(() -> new UsageException("--relationship: unknown value " + relationship)));
        }
        if (sourceType != null) {
            o = o.withSourceType(WireEnum.fromWire(SourceType.class, sourceType)
                    .orElseThrow(() -> new UsageException("--source-type: unknown value " + sourceType)));
        }
        return o;
    }
}
