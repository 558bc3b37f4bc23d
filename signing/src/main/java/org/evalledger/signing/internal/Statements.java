package org.evalledger.signing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.evalledger.core.Artifact;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Result;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.RecordCodec;
import org.evalledger.schema.StrictJson;

/** The in-toto Statement v1 that carries a record (SIGNING.md "Format"). Stateless and thread-safe. */
public final class Statements {
    /** {@code _type} of every Statement. */
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    private static final Pattern GIT_COMMIT = Pattern.compile("[0-9a-f]{40}");

    private Statements() {}

    /** The subjects a record's Statement must carry: model commit, artifacts, and the record digest. */
    public static List<JsonValue> subjects(EvaluationRecord record, String recordDigest) {
        List<JsonValue> out = new ArrayList<>();
        String revision = record.model().revision();
        if (revision != null && GIT_COMMIT.matcher(revision).matches()) {
            out.add(subject("model:" + record.model().id(), "gitCommit", revision));
        }
        Set<JsonValue> artifacts = new LinkedHashSet<>();
        for (Result r : record.results()) {
            for (Artifact a : r.artifacts()) {
                artifacts.add(subject(a.uri(), "sha256", a.sha256()));
            }
        }
        out.addAll(artifacts);
        out.add(subject("record", "sha256", recordDigest.substring("sha256:".length())));
        return out;
    }

    private static JsonValue subject(String name, String algorithm, String value) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("name", new JsonValue.JsonString(name));
        m.put("digest", new JsonValue.JsonObject(Map.of(algorithm, new JsonValue.JsonString(value))));
        return new JsonValue.JsonObject(m);
    }

    /** The JCS bytes of the Statement for a record: the payload that is signed. */
    public static byte[] payload(EvaluationRecord record) {
        RecordCodec codec = RecordCodec.standard();
        byte[] recordJcs = codec.canonical(record);
        JsonValue predicate = StrictJson.parse(recordJcs, ParseLimits.DEFAULT);
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("_type", new JsonValue.JsonString(STATEMENT_TYPE));
        m.put("subject", new JsonValue.JsonArray(subjects(record, codec.digest(record))));
        m.put("predicateType", new JsonValue.JsonString(EvaluationRecord.SCHEMA_V1));
        m.put("predicate", predicate);
        return StrictJson.canonical(new JsonValue.JsonObject(m));
    }
}
