package org.evalledger.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.internal.SchemaCheck;

/**
 * The published JSON Schema (2020-12) of v1 records, {@code record-v1.schema.json}, whose
 * {@code $id} is {@link EvaluationRecord#SCHEMA_V1}. Other tools (ajv, other languages) can
 * validate with the same document. Stateless and thread-safe.
 */
public final class RecordSchema {
    /** The classpath location of the schema document. */
    public static final String RESOURCE = SchemaCheck.RESOURCE;

    private RecordSchema() {}

    /** The schema's {@code $id}: the {@code schema} value of v1 records. */
    public static String id() {
        return EvaluationRecord.SCHEMA_V1;
    }

    /** The schema document's bytes (UTF-8 JSON). */
    public static byte[] bytes() {
        try (InputStream in = RecordSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("record-v1.schema.json is missing from the evalledger-schema jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read record-v1.schema.json from the jar", e);
        }
    }
}
