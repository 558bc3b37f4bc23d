package org.evalledger.schema.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Result;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.evalledger.schema.ErrorCode;
import org.evalledger.schema.Issue;

/**
 * The rules of SCHEMA.md that the JSON Schema cannot express. Stateless and thread-safe.
 */
public final class SemanticRules {
    /** How far in the future {@code createdAt} may lie before it is flagged. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private SemanticRules() {}

    /**
     * Timestamps that match the pattern but name no real date or time (February 30th, hour 25).
     * Runs on the tree because such a tree cannot be turned into a record.
     */
    public static void checkTimestamps(JsonValue root, List<Issue> out) {
        if (!(root instanceof JsonValue.JsonObject object)) {
            return;
        }
        for (String name : new String[] {"createdAt", "evaluatedAt"}) {
            if (object.members().get(name) instanceof JsonValue.JsonString s) {
                try {
                    Timestamp.parse(s.value()); // the schema checked the shape; this checks the date is real
                } catch (IllegalArgumentException e) {
                    out.add(Issue.of(ErrorCode.SEM_TIMESTAMP, "/" + name,
                            "\"" + s.value() + "\" is not a real date and time; use a valid UTC date such as 2026-06-13T09:30:00Z."));
                }
            }
        }
    }

    /** Every semantic issue of a record, checked at the time {@code now}. */
    public static void check(EvaluationRecord record, Instant now, List<Issue> out) {
        Instant created = record.createdAt().instant();
        if (created.isAfter(now.plus(FUTURE_TOLERANCE))) {
            out.add(Issue.of(ErrorCode.SEM_CREATED_IN_FUTURE, "/createdAt",
                    "createdAt " + record.createdAt() + " is more than 5 minutes after the validation time " + now
                            + "; check the writer's clock and that the time is in UTC."));
        }
        for (int i = 0; i < record.results().size(); i++) {
            checkResult(record.results().get(i), "/results/" + i, out);
        }
    }

    private static void checkResult(Result result, String at, List<Issue> out) {
        Task task = result.task();
        String taskAt = at + "/task";
        Task.Samples samples = task.samples();
        if (samples != null && samples.total() != null && samples.evaluated() > samples.total()) {
            out.add(Issue.of(ErrorCode.SEM_SAMPLES, taskAt + "/samples/evaluated",
                    "samples.evaluated (" + samples.evaluated() + ") exceeds samples.total (" + samples.total()
                            + "); a run cannot evaluate more samples than the split holds."));
        }
        Task.Prompt prompt = task.prompt();
        if (prompt != null && prompt.template() != null && prompt.templateSha256() != null) {
            String actual = sha256Hex(prompt.template().getBytes(StandardCharsets.UTF_8));
            if (!actual.equals(prompt.templateSha256())) {
                out.add(Issue.of(ErrorCode.SEM_TEMPLATE_HASH, taskAt + "/prompt/templateSha256",
                        "templateSha256 is not the SHA-256 of the template (which is " + actual
                                + "); recompute it over the template's UTF-8 bytes."));
            }
        }
        Set<String> ids = new HashSet<>();
        for (int j = 0; j < result.metrics().size(); j++) {
            Metric m = result.metrics().get(j);
            String mAt = at + "/metrics/" + j;
            if (!ids.add(m.id())) {
                out.add(Issue.of(ErrorCode.SEM_DUPLICATE_METRIC, mAt + "/id",
                        "metric id \"" + m.id() + "\" appears twice in this result; give each metric its own id "
                                + "(the same task under another filter is another result)."));
            }
            checkMetric(m, mAt, out);
            if (m.n() != null && samples != null && m.n() != samples.evaluated()) {
                out.add(Issue.of(ErrorCode.SEM_N_MISMATCH, mAt + "/n",
                        "n (" + m.n() + ") differs from samples.evaluated (" + samples.evaluated()
                                + "); fine if this metric counts other units, otherwise correct it."));
            }
        }
    }

    private static void checkMetric(Metric m, String at, List<Issue> out) {
        Metric.Range range = m.range();
        Double min = range == null ? null : range.min();
        Double max = range == null ? null : range.max();
        if (min != null && max != null && min > max) {
            out.add(Issue.of(ErrorCode.SEM_RANGE_ORDER, at + "/range",
                    "range.min (" + min + ") is greater than range.max (" + max + "); swap them."));
        } else if ((min != null && m.value() < min) || (max != null && m.value() > max)) {
            out.add(Issue.of(ErrorCode.SEM_VALUE_OUT_OF_RANGE, at + "/value",
                    "value " + m.value() + " lies outside its range [" + (min == null ? "-inf" : min) + ", "
                            + (max == null ? "+inf" : max) + "]; fix the value or the range."));
        }
        MetricUnit unit = m.effectiveUnit();
        if (unit == MetricUnit.PROPORTION || unit == MetricUnit.PERCENT) {
            double top = unit == MetricUnit.PROPORTION ? 1 : 100;
            // the unit's natural bounds apply on each side that the range leaves open
            boolean below = min == null && m.value() < 0;
            boolean above = max == null && m.value() > top;
            if (below || above) {
                out.add(Issue.of(ErrorCode.SEM_UNIT_BOUNDS, at + "/value",
                        "value " + m.value() + " is outside [0, " + (unit == MetricUnit.PROPORTION ? "1" : "100")
                                + "] for unit \"" + unit.wireName() + "\"" + (m.unit() == null ? " (the default unit)" : "")
                                + "; use unit \"percent\" for 0-100 scores, or give a range that allows the value."));
            }
        }
        Metric.ConfidenceInterval ci = m.confidenceInterval();
        if (ci != null) {
            if (ci.lower() > ci.upper()) {
                out.add(Issue.of(ErrorCode.SEM_CONFIDENCE_INTERVAL, at + "/confidenceInterval",
                        "confidenceInterval.lower (" + ci.lower() + ") is above upper (" + ci.upper() + "); swap them."));
            } else if (m.value() < ci.lower() || m.value() > ci.upper()) {
                out.add(Issue.of(ErrorCode.SEM_CONFIDENCE_INTERVAL, at + "/confidenceInterval",
                        "the interval [" + ci.lower() + ", " + ci.upper() + "] does not contain the value " + m.value()
                                + "; it must be in the value's unit and around it."));
            }
        }
    }

    /** Lower-case hex SHA-256. */
    public static String sha256Hex(byte[] bytes) {
        return sha256Hex(bytes, 0, bytes.length);
    }

    /** Lower-case hex SHA-256 of {@code bytes[offset, offset + length)}. */
    public static String sha256Hex(byte[] bytes, int offset, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, offset, length);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
