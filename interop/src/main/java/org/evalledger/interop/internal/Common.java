package org.evalledger.interop.internal;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.SourceType;
import org.evalledger.core.Timestamp;
import org.evalledger.interop.ImportOptions;

/** The rules every importer applies the same way (SCHEMA.md "Importing"). Stateless and thread-safe. */
public final class Common {
    private static final Set<String> LOWER_IS_BETTER = Set.of("loss", "perplexity", "word_perplexity", "byte_perplexity",
            "bits_per_byte", "wer", "cer", "ter", "ece", "brier", "latency", "time", "seconds", "duration");

    private Common() {}

    /** {@code sha256-} + the first 32 hex digits of SHA-256 of the source bytes, plus {@code -n} for the n-th of several. */
    public static String recordIdFromBytes(byte[] source, int index, int count) {
        return recordIdFromBase(recordIdBase(source), index, count);
    }

    /** The part of the record ids of one source that comes from its bytes: hash a source once, not once per record. */
    public static String recordIdBase(byte[] source) {
        return "sha256-" + sha256Hex(source).substring(0, 32);
    }

    /** The record id of record {@code index} (from 1) of {@code count} made from one source. */
    public static String recordIdFromBase(String base, int index, int count) {
        return count > 1 ? base + "-" + index : base;
    }

    /** A source run id made fit for the recordId alphabet. */
    public static String recordIdFromRunId(String runId) {
        String s = runId.replaceAll("[^A-Za-z0-9._:/-]", "_");
        return s.length() > 256 ? s.substring(0, 256) : s;
    }

    /** Lower-case hex SHA-256. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The unit of a value the source gives none for: [0, 1] proportion, (1, 100] percent, else other. */
    public static MetricUnit unitOf(double value) {
        if (value >= 0 && value <= 1) {
            return MetricUnit.PROPORTION;
        }
        return value > 1 && value <= 100 ? MetricUnit.PERCENT : MetricUnit.OTHER;
    }

    /** Whether higher is better for a metric the source does not say about: false for losses, perplexities, error rates, latencies. */
    public static boolean higherIsBetter(String metricId) {
        String m = metricId.toLowerCase(Locale.ROOT);
        for (String lower : LOWER_IS_BETTER) {
            if (m.equals(lower) || m.endsWith("_" + lower) || m.startsWith(lower + "_")) {
                return false;
            }
        }
        return true;
    }

    /** The producer from the caller's options, else the defaults for this source type. */
    public static Producer producer(ImportOptions options, SourceType defaultType) {
        return Producer.of(options.producer().orElse("unknown"), options.relationship().orElse(Relationship.THIRD_PARTY),
                options.sourceType().orElse(defaultType));
    }

    /** A Unix time in seconds (with fraction) as a timestamp rounded to microseconds. */
    public static Timestamp unixSeconds(double seconds) {
        long micros = Math.round(seconds * 1_000_000d);
        return Timestamp.of(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
    }
}
