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

    /** The classpath location of the trust policy file's schema (CLI.md "Trust policy file"), beside the record schema. */
    public static final String TRUST_POLICY_RESOURCE = "/org/evalledger/schema/trust-policy-v1.schema.json";

    /** The schema document's bytes (UTF-8 JSON). */
    public static byte[] bytes() {
        return resource(RESOURCE);
    }

    /**
     * The JSON Schema (2020-12) of trust policy files ({@code version} 1), whose {@code $id} is
     * {@code https://evalledger.org/schemas/trust-policy/v1}; {@code TrustPolicy.parse} in
     * evalledger-signing accepts exactly the documents it allows, and checks more (key ids, keys).
     */
    public static byte[] trustPolicyBytes() {
        return resource(TRUST_POLICY_RESOURCE);
    }

    private static byte[] resource(String name) {
        try (InputStream in = RecordSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the evalledger-schema jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the jar", e);
        }
    }
}
