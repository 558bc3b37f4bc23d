/**
 * The JSON wire format of evaluation records (schema v1).
 *
 * <ul>
 *   <li>{@link org.evalledger.schema.RecordCodec} reads bytes into an
 *       {@link org.evalledger.core.EvaluationRecord} (strict parsing, then the JSON Schema) and
 *       writes records back, as readable JSON or as RFC 8785 canonical JSON, and computes digests;
 *   <li>{@link org.evalledger.schema.RecordValidator} reports every problem of a document at once
 *       (strict parsing, JSON Schema, semantic rules) as {@link org.evalledger.schema.Issue}s with
 *       stable {@link org.evalledger.schema.ErrorCode}s; it never throws for bad input;
 *   <li>{@link org.evalledger.schema.CanonicalJson} canonicalises any JSON document (RFC 8785);
 *   <li>{@link org.evalledger.schema.SeriesKey} identifies the history a result belongs to;
 *   <li>{@link org.evalledger.schema.RecordSchema} gives the published JSON Schema document.
 * </ul>
 *
 * <p>No Jackson or networknt type appears in this package's signatures, and no exception of
 * theirs escapes it.
 */
@NullMarked
package org.evalledger.schema;

import org.jspecify.annotations.NullMarked;
