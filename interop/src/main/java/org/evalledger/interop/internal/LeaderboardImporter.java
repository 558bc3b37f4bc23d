package org.evalledger.interop.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.evalledger.core.Derivation;
import org.evalledger.core.Environment;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.evalledger.interop.Format;
import org.evalledger.interop.ImportException;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.ImportResult;
import org.evalledger.interop.ImportWarning;
import org.jspecify.annotations.Nullable;

/**
 * Open LLM Leaderboard v1 and v2 CSV tables → one record per row (SCHEMA.md "Open LLM Leaderboard
 * tables"; metric ids and n-shot from ANOMALY.md's benchmark table). v1 scores are percentages,
 * v2 {@code evaluations_*_value} scores proportions. {@code params_b} / {@code metadata_params_billions}
 * become {@code model.parameters} rounded to a whole count (the tables give billions with a few
 * decimals, so the count is approximate; the raw figure stays under extensions).
 * Stateless and thread-safe.
 */
public final class LeaderboardImporter {
    /** The extensions key of what a row holds without a field. */
    public static final String EXTENSION = "org.evalledger.import.leaderboard";
    private static final Pattern NOT_LETTER_OR_HYPHEN = Pattern.compile("[^a-z-]");

    /** Column, benchmark id, metric id, n-shot. */
    private record Column(String column, String benchmark, String metric, int fewShot) {}

    private static final List<Column> V1 = List.of(new Column("arc", "arc_challenge", "acc_norm", 25),
            new Column("hellaswag", "hellaswag", "acc_norm", 10), new Column("mmlu", "mmlu", "acc", 5),
            new Column("truthfulqa", "truthfulqa_mc2", "mc2", 0), new Column("winogrande", "winogrande", "acc", 5),
            new Column("gsm8k", "gsm8k", "exact_match", 5));
    private static final List<Column> V2 = List.of(
            new Column("evaluations_ifeval_value", "ifeval", "strict_acc", 0),
            new Column("evaluations_bbh_value", "bbh", "acc_norm", 3),
            new Column("evaluations_math_value", "math_lvl5", "exact_match", 4),
            new Column("evaluations_gpqa_value", "gpqa", "acc_norm", 0),
            new Column("evaluations_musr_value", "musr", "acc_norm", 0),
            new Column("evaluations_mmlu_pro_value", "mmlu_pro", "acc", 5));

    private LeaderboardImporter() {}

    /** Imports a whole table. */
    public static ImportResult read(byte[] source, ImportOptions options) {
        List<List<String>> rows = Csv.parse(source);
        if (rows.size() < 2) {
            throw new ImportException(ImportException.MISSING, "the leaderboard table has no data rows");
        }
        List<String> header = rows.get(0);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).strip(), i);
        }
        boolean v1 = col.containsKey("fullname");
        boolean v2 = col.containsKey("model_name") && col.containsKey("evaluations_ifeval_value");
        if (!v1 && !v2) {
            throw new ImportException(ImportException.MISSING,
                    "not an Open LLM Leaderboard table: expected a v1 \"fullname\" or v2 \"model_name\" column");
        }
        List<Column> scores = v1 ? V1 : V2;
        String idCol = v1 ? "fullname" : "model_name";
        List<String> mappedCols = new ArrayList<>(List.of(idCol, "model_sha", v1 ? "params_b" : "metadata_params_billions",
                v1 ? "precision" : "model_precision", v1 ? "type" : "model_type", "metadata_base_model", v1 ? "date" : "metadata_submission_date"));
        scores.forEach(c -> mappedCols.add(c.column()));
        List<ImportWarning> warnings = new ArrayList<>();
        String[] unmapped = new String[header.size()]; // per column: its extension name, or null when a field takes it
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (!mappedCols.contains(h.strip())) {
                warnings.add(new ImportWarning(h, "column without a field; kept per row under extensions." + EXTENSION + "." + h));
                unmapped[i] = h.strip();
            }
        }
        Producer producer = Producer.of(options.producer().orElse("Open LLM Leaderboard"),
                options.relationship().orElse(Relationship.HUB), options.sourceType().orElse(SourceType.LEADERBOARD));
        // The columns' indices, looked up once; a task is the same for every row of a column.
        Integer idAt = col.get(idCol);
        Integer shaAt = col.get("model_sha");
        Integer paramsAt = col.get(v1 ? "params_b" : "metadata_params_billions");
        Integer typeAt = col.get(v1 ? "type" : "model_type");
        Integer baseAt = col.get("metadata_base_model");
        Integer precisionAt = col.get(v1 ? "precision" : "model_precision");
        Integer dateAt = col.get(v1 ? "date" : "metadata_submission_date");
        Integer[] scoreAt = new Integer[scores.size()];
        Task[] tasks = new Task[scores.size()];
        for (int k = 0; k < scores.size(); k++) {
            Column c = scores.get(k);
            scoreAt[k] = col.get(c.column());
            tasks[k] = Task.builder(c.benchmark()).fewShot(c.fewShot()).build();
        }
        MetricUnit unit = v1 ? MetricUnit.PERCENT : MetricUnit.PROPORTION;
        Map<String, Optional<Derivation>> derivations = new HashMap<>(); // a table has a few model types
        List<EvaluationRecord> records = new ArrayList<>();
        int count = rows.size() - 1;
        String idBase = Common.recordIdBase(source);
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                // every row of a CSV table has the header's field count; fewer is a truncated or broken file
                throw new ImportException(ImportException.MISSING, "leaderboard-csv: row " + r + " has " + row.size()
                        + " fields where the header has " + header.size() + " (truncated or malformed file)");
            }
            String modelId = cell(row, idAt);
            if (modelId == null) {
                warnings.add(new ImportWarning("row " + r, "no model id; row skipped"));
                continue;
            }
            List<Result> results = new ArrayList<>(scores.size());
            for (int k = 0; k < scores.size(); k++) {
                Double value = number(cell(row, scoreAt[k]));
                if (value != null) {
                    results.add(Result.of(tasks[k], List.of(Metric.builder(scores.get(k).metric(), value, true).unit(unit).build())));
                }
            }
            if (results.isEmpty()) {
                warnings.add(new ImportWarning("row " + r, "no scores; row skipped"));
                continue;
            }
            Model.Builder model = Model.builder(modelId);
            String sha = cell(row, shaAt);
            if (sha != null && isHex40(sha)) {
                model.revision(sha);
            }
            String paramsText = cell(row, paramsAt);
            Double billions = number(paramsText);
            if (billions != null && billions > 0 && billions < 1e6) {
                model.parameters(Math.round(billions * 1e9));
            }
            String type = cell(row, typeAt);
            if (type != null) {
                derivations.computeIfAbsent(type, LeaderboardImporter::derivation).ifPresent(model::derivation);
            }
            String base = cell(row, baseAt);
            if (base != null && !base.equals(modelId)) {
                model.baseModel(base);
            }
            String precision = cell(row, precisionAt);
            Map<String, JsonValue> extra = new LinkedHashMap<>();
            for (int i = 0; i < unmapped.length; i++) {
                if (unmapped[i] != null && !row.get(i).isEmpty()) {
                    extra.put(unmapped[i], new JsonValue.JsonString(row.get(i)));
                }
            }
            if (paramsText != null) {
                extra.put("params_billions", new JsonValue.JsonString(paramsText));
            }
            String date = cell(row, dateAt);
            Timestamp created = date == null ? null : timestamp(date);
            records.add(EvaluationRecord.builder()
                    .recordId(Common.recordIdFromBase(idBase, r, count))
                    .createdAt(created != null ? created : Timestamp.of(options.clock().instant()))
                    .model(model.build())
                    .producer(producer)
                    .environment(precision == null ? null : new Environment(null, null, null, precision, null))
                    .results(results)
                    .extensions(extra.isEmpty() ? Map.of() : Map.of(EXTENSION, new JsonValue.JsonObject(extra)))
                    .build());
        }
        if (records.isEmpty()) {
            throw new ImportException(ImportException.MISSING, "leaderboard-csv: no row has a model id and a numeric score");
        }
        return new ImportResult(Format.LEADERBOARD_CSV, records, warnings);
    }

    /** The stripped text of a row's cell; {@code null} when the table has no such column or the cell is blank. */
    private static @Nullable String cell(List<String> row, @Nullable Integer column) {
        if (column == null) {
            return null;
        }
        String s = row.get(column).strip();
        return s.isEmpty() ? null : s;
    }

    private static @Nullable Double number(@Nullable String s) {
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the text is 40 lower-case hex digits (a git commit). */
    private static boolean isHex40(String s) {
        if (s.length() != 40) {
            return false;
        }
        for (int i = 0; i < 40; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The date or date and time of a cell as a timestamp, {@code null} when it is neither. A cell that
     * already is a timestamp's canonical text (as the tables write them: {@code 2024-05-05T12:22:44Z})
     * is taken as it is; anything else is parsed as an offset date and time, then as a date. A date
     * and time whose instant falls outside the years 0000–9999 that a timestamp can write (such as
     * {@code 0000-01-01T00:00:00+01:00}) is {@code null} too, as an impossible date is, rather than
     * failing the whole table.
     */
    static @Nullable Timestamp timestamp(String s) {
        try {
            Timestamp t = Timestamp.parse(s);
            Timestamp canonical = Timestamp.of(t.instant());
            if (canonical.equals(t)) { // what the parse below would give: the same instant, written the same way
                return canonical;
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // not a canonical timestamp: parse it below
        }
        try {
            return Timestamp.of(java.time.OffsetDateTime.parse(s).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Timestamp.of(java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        } catch (IllegalArgumentException e) { // Timestamp.of: before 0000-01-01 or after 9999-12-31 in UTC
            return null;
        }
    }

    /** The model type of either table as a derivation (ANOMALY.md S3's mapping). */
    static Optional<Derivation> derivation(String type) {
        String t = NOT_LETTER_OR_HYPHEN.matcher(type.toLowerCase(Locale.ROOT)).replaceAll("");
        if (t.startsWith("pretrained") || t.startsWith("continuouslypretrained")) {
            return Optional.of(Derivation.BASE);
        }
        if (t.startsWith("fine-tunedondomain-specificdatasets") || t.startsWith("chatmodels")) {
            return Optional.of(Derivation.FINETUNE);
        }
        if (t.startsWith("basemergesandmoerges")) {
            return Optional.of(Derivation.MERGE);
        }
        return t.isEmpty() ? Optional.empty() : Optional.of(Derivation.OTHER);
    }
}
