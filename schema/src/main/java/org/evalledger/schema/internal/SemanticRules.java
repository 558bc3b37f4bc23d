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
            checkResult(record.results().get(i), i, out);
        }
    }

    /** A result's checks. Pointers are written only for an issue found: a valid record builds none. */
    private static void checkResult(Result result, int index, List<Issue> out) {
        Task task = result.task();
        Task.Samples samples = task.samples();
        if (samples != null && samples.total() != null && samples.evaluated() > samples.total()) {
            out.add(Issue.of(ErrorCode.SEM_SAMPLES, taskAt(index) + "/samples/evaluated",
                    "samples.evaluated (" + samples.evaluated() + ") exceeds samples.total (" + samples.total()
                            + "); a run cannot evaluate more samples than the split holds."));
        }
        Task.Prompt prompt = task.prompt();
        if (prompt != null && prompt.template() != null && prompt.templateSha256() != null) {
            String actual = sha256Hex(prompt.template().getBytes(StandardCharsets.UTF_8));
            if (!actual.equals(prompt.templateSha256())) {
                out.add(Issue.of(ErrorCode.SEM_TEMPLATE_HASH, taskAt(index) + "/prompt/templateSha256",
                        "templateSha256 is not the SHA-256 of the template (which is " + actual
                                + "); recompute it over the template's UTF-8 bytes."));
            }
        }
        List<Metric> metrics = result.metrics();
        Set<String> ids = metrics.size() > FEW_METRICS ? new HashSet<>() : null;
        for (int j = 0; j < metrics.size(); j++) {
            Metric m = metrics.get(j);
            if (ids != null ? !ids.add(m.id()) : seenBefore(metrics, j)) {
                out.add(Issue.of(ErrorCode.SEM_DUPLICATE_METRIC, metricAt(index, j) + "/id",
                        "metric id \"" + m.id() + "\" appears twice in this result; give each metric its own id "
                                + "(the same task under another filter is another result)."));
            }
            checkMetric(m, index, j, out);
            if (m.n() != null && samples != null && m.n() != samples.evaluated()) {
                out.add(Issue.of(ErrorCode.SEM_N_MISMATCH, metricAt(index, j) + "/n",
                        "n (" + m.n() + ") differs from samples.evaluated (" + samples.evaluated()
                                + "); fine if this metric counts other units, otherwise correct it."));
            }
        }
    }

    /** Up to this many metrics in a result, duplicates are found by comparing with the earlier ones, with no set. */
    private static final int FEW_METRICS = 16;

    /** Whether the metric at {@code j} has the id of an earlier one. */
    private static boolean seenBefore(List<Metric> metrics, int j) {
        String id = metrics.get(j).id();
        for (int k = 0; k < j; k++) {
            if (metrics.get(k).id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static String taskAt(int result) {
        return "/results/" + result + "/task";
    }

    private static String metricAt(int result, int metric) {
        return "/results/" + result + "/metrics/" + metric;
    }

    private static void checkMetric(Metric m, int result, int index, List<Issue> out) {
        Metric.Range range = m.range();
        Double min = range == null ? null : range.min();
        Double max = range == null ? null : range.max();
        if (min != null && max != null && min > max) {
            out.add(Issue.of(ErrorCode.SEM_RANGE_ORDER, metricAt(result, index) + "/range",
                    "range.min (" + min + ") is greater than range.max (" + max + "); swap them."));
        } else if ((min != null && m.value() < min) || (max != null && m.value() > max)) {
            out.add(Issue.of(ErrorCode.SEM_VALUE_OUT_OF_RANGE, metricAt(result, index) + "/value",
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
                out.add(Issue.of(ErrorCode.SEM_UNIT_BOUNDS, metricAt(result, index) + "/value",
                        "value " + m.value() + " is outside [0, " + (unit == MetricUnit.PROPORTION ? "1" : "100")
                                + "] for unit \"" + unit.wireName() + "\"" + (m.unit() == null ? " (the default unit)" : "")
                                + "; use unit \"percent\" for 0-100 scores, or give a range that allows the value."));
            }
        }
        Metric.ConfidenceInterval ci = m.confidenceInterval();
        if (ci != null) {
            if (ci.lower() > ci.upper()) {
                out.add(Issue.of(ErrorCode.SEM_CONFIDENCE_INTERVAL, metricAt(result, index) + "/confidenceInterval",
                        "confidenceInterval.lower (" + ci.lower() + ") is above upper (" + ci.upper() + "); swap them."));
            } else if (m.value() < ci.lower() || m.value() > ci.upper()) {
                out.add(Issue.of(ErrorCode.SEM_CONFIDENCE_INTERVAL, metricAt(result, index) + "/confidenceInterval",
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
        MessageDigest sha = sha256();
        sha.update(bytes, offset, length);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A fresh SHA-256 digest: a copy of an unused one where the provider's digests can be copied (cheaper than a lookup). */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Never updated: only copied. */
    private static final MessageDigest SHA256 = newSha256();
}
