package org.evalledger.ledger;

import org.evalledger.anomaly.VersionJump;
import org.evalledger.schema.SeriesKey;
import org.evalledger.signing.Status;
import org.jspecify.annotations.Nullable;

/**
 * One version of one metric in a model's history (LEDGER.md "History"). Immutable and thread-safe.
 *
 * @param index the ledger entry
 * @param digest the record's digest
 * @param appendedAt when the hub appended it (inside the hashed entry)
 * @param createdAt the record's own {@code createdAt}
 * @param producer who produced the record ({@code producer.name})
 * @param series the series this value belongs to (SCHEMA.md "Identity")
 * @param value the metric's value
 * @param stderr its standard error, when reported
 * @param status the verification status the envelope had when appended
 * @param supersedes the digest the record declares it replaces, if any
 * @param supersededBy the digest of a later record in this ledger that declares it replaces this one
 * @param delta {@code value} minus the previous version's value in the same series, if there is one
 * @param jump the anomaly module's S3 verdict on that step, when a population was given and the
 *     benchmark could be judged
 */
public record HistoryEntry(long index, String digest, String appendedAt, String createdAt, String producer, SeriesKey series,
        double value, @Nullable Double stderr, Status status, @Nullable String supersedes, @Nullable String supersededBy,
        @Nullable Double delta, @Nullable VersionJump jump) {

    /** The benchmark ({@code task.benchmark}). */
    public String benchmark() {
        return series.benchmark();
    }

    /** The metric id. */
    public String metric() {
        return series.metricId();
    }
}
