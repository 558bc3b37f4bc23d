package org.evalledger.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.evalledger.core.JsonValue;
import org.evalledger.interop.internal.EeeImporter;
import org.evalledger.interop.internal.HelmImporter;
import org.evalledger.interop.internal.HuggingFaceImporter;
import org.evalledger.interop.internal.InspectImporter;
import org.evalledger.interop.internal.LeaderboardImporter;
import org.evalledger.interop.internal.LmEvalImporter;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.RecordFormatException;
import org.evalledger.schema.StrictJson;

/**
 * Imports foreign evaluation results as records, detecting the format from the content when the
 * caller does not name it. Every call is deterministic for the same bytes and options.
 * Stateless and thread-safe.
 *
 * <p>Every {@link Format} of SCHEMA.md: lm-evaluation-harness {@code results_*.json}, Every Eval
 * Ever aggregate records, Hugging Face model cards and {@code .eval_results}, Inspect AI logs,
 * HELM run directories and Open LLM Leaderboard v1/v2 tables.
 *
 * <pre>{@code
 * ImportResult r = Importers.importFile(Path.of("results_2026-06-13.json"), ImportOptions.defaults());
 * EvaluationRecord record = r.records().get(0);
 * r.warnings().forEach(w -> log.info("{}: {}", w.path(), w.message()));
 * }</pre>
 */
public final class Importers {
    /** The largest document any importer reads: 16 MiB, as for records. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final ParseLimits LIMITS = new ParseLimits(MAX_BYTES, 16 * 1024 * 1024);

    private Importers() {}

    /** The format of a document, recognised from its content. */
    public static Optional<Format> detect(byte[] content) {
        Objects.requireNonNull(content, "content");
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("---") && head.contains("model-index")) {
            return Optional.of(Format.MODEL_INDEX);
        }
        String firstLine = head.lines().findFirst().orElse("");
        if (!head.startsWith("{") && firstLine.contains(",")
                && (firstLine.contains("fullname") || firstLine.contains("evaluations_ifeval_value"))) {
            return Optional.of(Format.LEADERBOARD_CSV);
        }
        if (!head.startsWith("{")) {
            return head.startsWith("- ") && head.contains("dataset") && head.contains("value")
                    ? Optional.of(Format.EVAL_RESULTS) : Optional.empty();
        }
        Map<String, JsonValue> root;
        try {
            root = object(StrictJson.parse(content, LIMITS));
        } catch (RecordFormatException | ImportException e) {
            return Optional.empty();
        }
        if (LmEvalImporter.looksLike(root)) {
            return Optional.of(Format.LM_EVAL);
        }
        if (root.containsKey("evaluation_results") && (root.containsKey("schema_version") || root.containsKey("evaluation_id"))) {
            return Optional.of(Format.EEE);
        }
        if (root.get("eval") instanceof JsonValue.JsonObject && root.containsKey("version")) {
            return Optional.of(Format.INSPECT);
        }
        if (root.containsKey("adapter_spec") && root.containsKey("scenario_spec")) {
            return Optional.of(Format.HELM);
        }
        return Optional.empty();
    }

    /**
     * Imports a document of a known or detected format.
     *
     * @param content the document's bytes
     * @param format the format, or empty to detect it
     * @param options the caller's defaults
     * @throws ImportException with a stable code when the document cannot be imported
     */
    public static ImportResult importBytes(byte[] content, Optional<Format> format, ImportOptions options) {
        return importBytes(content, format, options, Map.of(), "source.json");
    }

    private static ImportResult importBytes(byte[] content, Optional<Format> format, ImportOptions options,
            Map<String, byte[]> siblings, String sourceName) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        if (content.length > MAX_BYTES) {
            throw new ImportException(ImportException.TOO_LARGE, format.map(Format::cliName).orElse("the document") + ": "
                    + content.length + " bytes, more than the import limit of " + MAX_BYTES);
        }
        Format f = format.or(() -> detect(content)).orElseThrow(() -> new ImportException(ImportException.UNKNOWN_FORMAT,
                "the format could not be recognised from the content; name it (lm-eval, eee, model-index, eval-results, "
                        + "inspect, helm, leaderboard-csv)"));
        try {
            return importKnown(content, f, options, siblings, sourceName);
        } catch (ImportException e) {
            throw e.detail().startsWith(f.cliName()) ? e : e.in(f.cliName());
        }
    }

    private static ImportResult importKnown(byte[] content, Format f, ImportOptions options, Map<String, byte[]> siblings,
            String sourceName) {
        if (f == Format.LEADERBOARD_CSV || f == Format.MODEL_INDEX || f == Format.EVAL_RESULTS) {
            try {
                return f == Format.MODEL_INDEX ? HuggingFaceImporter.modelIndex(content, LIMITS, options)
                        : f == Format.EVAL_RESULTS ? HuggingFaceImporter.evalResults(content, LIMITS, options)
                        : LeaderboardImporter.read(content, options);
            } catch (IllegalArgumentException e) {
                throw new ImportException(ImportException.MISSING, "the " + f.cliName() + " document holds a value a record cannot: "
                    + e.getMessage());
            }
        }
        if (f == Format.HELM) {
            throw new ImportException(ImportException.UNSUPPORTED,
                    "a HELM run is a directory: import the directory (importFile or importHelm), not one of its files");
        }
        JsonValue document;
        try {
            document = StrictJson.parse(content, LIMITS);
        } catch (RecordFormatException e) {
            throw new ImportException(ImportException.NOT_JSON, "the " + f.cliName() + " file is not strict JSON: " + e.getMessage());
        }
        try {
            switch (f) {
                case EEE:
                    return EeeImporter.read(content, document, options);
                case INSPECT:
                    return InspectImporter.read(content, sourceName, document, options);
                default:
                    return LmEvalImporter.read(content, object(document), siblings, options);
            }
        } catch (IllegalArgumentException e) {
            // a value the record model refuses (an empty id, a negative count): say which, never a stack trace
            throw new ImportException(ImportException.MISSING, "the " + f.cliName() + " file holds a value a record cannot: "
                    + e.getMessage());
        }
    }

    /**
     * Imports a file, detecting its format. For lm-eval results, the {@code samples_<task>_*.jsonl}
     * files beside it become artifacts with their SHA-256 and row count.
     *
     * @throws ImportException with a stable code when the file cannot be read or imported
     */
    public static ImportResult importFile(Path file, ImportOptions options) {
        if (Files.isDirectory(file) || file.getFileName() != null && file.getFileName().toString().equals("run_spec.json")) {
            return importHelm(Files.isDirectory(file) ? file : file.toAbsolutePath().getParent(), options);
        }
        byte[] content;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ImportException(ImportException.TOO_LARGE, file + ": " + Files.size(file)
                        + " bytes, more than the import limit of " + MAX_BYTES);
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(ImportException.IO, "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        Optional<Format> format = detect(content);
        Map<String, byte[]> siblings = new TreeMap<>();
        Path dir = file.toAbsolutePath().getParent();
        if (format.equals(Optional.of(Format.LM_EVAL)) && dir != null) {
            try (DirectoryStream<Path> samples = Files.newDirectoryStream(dir, "samples_*.jsonl")) {
                for (Path s : samples) {
                    siblings.put(s.getFileName().toString(), Files.readAllBytes(s));
                }
            } catch (IOException e) {
                throw new ImportException(ImportException.IO, "cannot read the samples files beside " + file + ": "
                        + e.getClass().getSimpleName());
            }
        }
        try {
            return importBytes(content, format, options, siblings, file.getFileName().toString());
        } catch (ImportException e) {
            throw e.in(file.toString());
        }
    }

    /**
     * Imports a HELM run directory ({@code run_spec.json}, {@code stats.json} and, for the stderr,
     * {@code per_instance_stats.json}).
     *
     * @throws ImportException with a stable code when a file is missing or malformed
     */
    public static ImportResult importHelm(Path runDirectory, ImportOptions options) {
        byte[] runSpec = read(runDirectory.resolve("run_spec.json"));
        byte[] stats = read(runDirectory.resolve("stats.json"));
        Path perInstance = runDirectory.resolve("per_instance_stats.json");
        JsonValue instances = Files.exists(perInstance) ? parse(read(perInstance), "per_instance_stats.json")
                : new JsonValue.JsonArray(java.util.List.of());
        try {
            return HelmImporter.read(runSpec, parse(runSpec, "run_spec.json"), stats, parse(stats, "stats.json"), instances, options);
        } catch (IllegalArgumentException e) {
            throw new ImportException(ImportException.MISSING, "helm: " + runDirectory + " holds a value a record cannot: "
                    + e.getMessage());
        } catch (ImportException e) {
            throw e.detail().startsWith("helm") ? e : e.in("helm: " + runDirectory);
        }
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ImportException(ImportException.TOO_LARGE, "helm: " + file + " is larger than the import limit of "
                        + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(ImportException.IO, "cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static JsonValue parse(byte[] content, String what) {
        try {
            return StrictJson.parse(content, LIMITS);
        } catch (RecordFormatException e) {
            throw new ImportException(ImportException.NOT_JSON, what + " is not strict JSON: " + e.getMessage());
        }
    }

    private static Map<String, JsonValue> object(JsonValue v) {
        if (v instanceof JsonValue.JsonObject o) {
            return o.members();
        }
        throw new ImportException(ImportException.MISSING, "the document is not a JSON object");
    }
}
