package org.evalledger.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalledger.anomaly.AnomalyReport;
import org.evalledger.anomaly.Expected;
import org.evalledger.anomaly.Finding;
import org.evalledger.anomaly.Severity;
import org.evalledger.anomaly.Skip;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.Issue;
import org.evalledger.schema.RecordValidator;
import org.evalledger.schema.ValidationReport;
import org.evalledger.signing.Envelope;
import org.evalledger.signing.EnvelopeException;
import org.evalledger.signing.SignatureOutcome;
import org.evalledger.signing.Status;
import org.evalledger.signing.Verification;
import org.evalledger.signing.Verifier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * What the commands do with one upload (a record or an envelope file): validate, verify, check,
 * each as the JSON item of CLI.md. Thread-safe when the validator, verifier and detector are.
 */
final class Uploads {
    private Uploads() {}

    enum Kind { record, envelope }

    /** A record is a JSON object without {@code payloadType}; anything else that is not JSON counts as a record (and fails). */
    static Kind kind(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        if (i >= bytes.length || bytes[i] != '{') {
            return Kind.record;
        }
        // a token scan of the top level (nested values skipped), not a tree: the verifier parses strictly next
        boolean payloadType = false;
        boolean signatures = false;
        try (JsonParser p = Json.MAPPER.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Kind.record;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                String name = p.currentName();
                payloadType |= name.equals("payloadType");
                signatures |= name.equals("signatures");
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return Kind.record; // not one complete JSON object
            }
        } catch (JacksonException | IllegalArgumentException e) {
            return Kind.record;
        }
        return payloadType && signatures ? Kind.envelope : Kind.record;
    }

    /** The validation of an upload; for an envelope, its envelope form and the record it carries. */
    record Validated(Kind kind, ValidationReport report, @Nullable String envelopeError) {
        boolean valid() {
            return envelopeError == null && report.valid();
        }

        Optional<EvaluationRecord> record() {
            return report.record();
        }
    }

    static Validated validate(byte[] bytes, RecordValidator validator) {
        Kind kind = kind(bytes);
        if (kind == Kind.record) {
            return new Validated(kind, validator.validate(bytes), null);
        }
        Envelope env;
        try {
            env = Envelope.parse(bytes);
        } catch (EnvelopeException e) {
            return new Validated(kind, new ValidationReport(List.of(new Issue(e.reason().code(), org.evalledger.schema.Severity.ERROR, "",
                    e.getMessage())), null, null), e.reason().code());
        }
        byte[] predicate;
        try {
            JsonNode statement = Json.tree(env.payload());
            JsonNode p = statement.get("predicate");
            if (p == null || !p.isObject()) {
                return envelopeIssue("EL-SIG-STATEMENT-SHAPE", "the envelope's statement has no predicate object (the record)");
            }
            predicate = Json.MAPPER.writeValueAsBytes(p);
        } catch (JacksonException e) {
            return envelopeIssue("EL-SIG-PAYLOAD-JSON", "the envelope's payload is not a JSON in-toto statement");
        }
        return new Validated(kind, validator.validate(predicate), null);
    }

    private static Validated envelopeIssue(String code, String message) {
        return new Validated(Kind.envelope, new ValidationReport(List.of(new Issue(code, org.evalledger.schema.Severity.ERROR, "",
                message)), null, null), code);
    }

    static Map<String, Object> validationItem(Path file, Validated v) {
        Map<String, Object> m = Json.obj();
        m.put("file", file.toString());
        m.put("kind", v.kind().name());
        m.put("valid", v.valid());
        v.report().digest().ifPresent(d -> m.put("digest", hex(d)));
        List<Object> issues = new ArrayList<>();
        for (Issue i : v.report().issues()) {
            Map<String, Object> o = Json.obj();
            o.put("code", i.code());
            o.put("severity", i.severity().wireName());
            o.put("pointer", i.pointer());
            o.put("message", i.message());
            issues.add(o);
        }
        m.put("issues", issues);
        return m;
    }

    /** {@code sha256:abc} → {@code abc}: CLI.md's JSON has lower-case hex everywhere. */
    static String hex(String digest) {
        return digest.startsWith("sha256:") ? digest.substring(7) : digest;
    }

    static Verification verify(byte[] bytes, Verifier verifier, java.time.@Nullable Instant at) {
        return at == null ? verifier.verify(bytes) : verifier.verify(bytes, at);
    }

    static Map<String, Object> verificationItem(Path file, @Nullable Verification v) {
        Map<String, Object> m = Json.obj();
        m.put("file", file.toString());
        if (v == null) {
            m.put("status", Status.UNSIGNED.name());
            m.put("signatures", List.of());
            return m;
        }
        m.put("status", v.status().name());
        v.reason().ifPresent(r -> m.put("reason", r.code()));
        v.digest().ifPresent(d -> m.put("digest", hex(d)));
        List<Object> sigs = new ArrayList<>();
        for (SignatureOutcome s : v.signatures()) {
            Map<String, Object> o = Json.obj();
            o.put("keyid", s.keyId());
            if (s.owner() != null) {
                o.put("owner", s.owner());
            }
            if (s.role() != null) {
                o.put("role", s.role().wireName());
            }
            o.put("counted", s.counted());
            if (!s.counted()) {
                o.put("reason", s.reason().code());
            }
            sigs.add(o);
        }
        m.put("signatures", sigs);
        return m;
    }

    static Map<String, Object> checkItem(Path file, @Nullable String digest, AnomalyReport r) {
        Map<String, Object> m = Json.obj();
        m.put("file", file.toString());
        m.put("digest", digest == null ? null : hex(digest));
        m.put("suspicion", round(r.suspicion()));
        if (r.driver() != null) {
            m.put("driver", finding(r.driver()));
        }
        List<Object> skipped = new ArrayList<>();
        for (Skip s : r.skipped()) {
            Map<String, Object> o = Json.obj();
            o.put("detector", s.detector().name());
            o.put("reason", s.reason());
            skipped.add(o);
        }
        m.put("skipped", skipped);
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            findings.add(finding(f));
        }
        m.put("findings", findings);
        return m;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> o = Json.obj();
        o.put("detector", f.detector().name());
        o.put("severity", f.severity().wireName());
        o.put("benchmark", f.benchmark());
        o.put("metric", f.metric());
        o.put("observed", round(f.observed()));
        Expected e = f.expected();
        if (e != null) {
            if (e.isPoint()) {
                o.put("expected", round(e.low()));
            } else {
                Map<String, Object> range = Json.obj();
                range.put("min", e.low() == null ? null : round(e.low()));
                range.put("max", e.high() == null ? null : round(e.high()));
                o.put("expected", range);
            }
        }
        if (f.statistic() != null) {
            Map<String, Object> s = Json.obj();
            s.put("name", f.statistic().name());
            s.put("value", round(f.statistic().value()));
            o.put("statistic", s);
        }
        o.put("message", f.message());
        return o;
    }

    static boolean flagged(AnomalyReport r) {
        return r.findings().stream().anyMatch(f -> f.severity().atLeast(Severity.WARNING));
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** The record to check: a trusted one, else the unverified one, else what validation read. */
    static Optional<EvaluationRecord> recordToCheck(Validated v, @Nullable Verification ver) {
        if (ver != null) {
            if (ver.status().trusted()) {
                return Optional.of(ver.record());
            }
            Optional<EvaluationRecord> u = ver.unverifiedRecord();
            if (u.isPresent()) {
                return u;
            }
        }
        return v.record();
    }
}
