package org.evalledger.cli;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        int i = skipWhitespace(bytes, 0);
        if (i >= bytes.length || bytes[i] != '{') {
            return Kind.record;
        }
        // a token scan of the top level (nested values skipped), not a tree: the verifier parses strictly next
        boolean payloadType = false;
        boolean signatures = false;
        try (JsonParser p = Json.parser(bytes)) {
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

    /** What {@link #scan} finds at the top level of an upload. */
    enum Scan {
        /** One object whose top level names {@code payloadType} and {@code signatures}; nested values not checked. */
        ENVELOPE,
        /** Not an envelope, whatever the nested values hold: {@link #kind} says {@link Kind#record} too. */
        RECORD,
        /** Something the scan does not judge (an escaped name, a break in the top level): ask {@link #kind}. */
        UNSURE
    }

    private static final byte[] PAYLOAD_TYPE = {'p', 'a', 'y', 'l', 'o', 'a', 'd', 'T', 'y', 'p', 'e'};
    private static final byte[] SIGNATURES = {'s', 'i', 'g', 'n', 'a', 't', 'u', 'r', 'e', 's'};

    /**
     * {@link #kind} without a JSON parser, for the audit's hot path: a byte scan of the top level
     * that skips nested values without checking them. {@link Scan#RECORD} is final ({@link #kind}
     * agrees: a well-formed document has the top-level names the scan saw; a malformed one is a
     * record). {@link Scan#ENVELOPE} may name a document whose nested values are malformed, which
     * {@link #kind} calls a record; such a document also fails {@link Envelope#parse} (strict JSON),
     * so the caller asks {@link #kind} again whenever the envelope does not parse. Anything the scan
     * does not follow (a name written with escapes, a missing colon, content after the object) is
     * {@link Scan#UNSURE}.
     */
    static Scan scan(byte[] b) {
        int n = b.length;
        int i = skipWhitespace(b, 0);
        if (i >= n || b[i] != '{') {
            return Scan.RECORD; // kind() answers the same before it parses
        }
        boolean payloadType = false;
        boolean signatures = false;
        i = skipWhitespace(b, i + 1);
        if (i < n && b[i] == '}') {
            i++;
        } else {
            while (true) {
                if (i >= n || b[i] != '"') {
                    return Scan.UNSURE;
                }
                int end = stringEnd(b, i + 1);
                if (end < 0) {
                    return Scan.UNSURE;
                }
                for (int k = i + 1; k < end; k++) {
                    if (b[k] == '\\') {
                        return Scan.UNSURE; // an escaped name: let the parser decode it
                    }
                }
                payloadType |= Arrays.equals(b, i + 1, end, PAYLOAD_TYPE, 0, PAYLOAD_TYPE.length);
                signatures |= Arrays.equals(b, i + 1, end, SIGNATURES, 0, SIGNATURES.length);
                i = skipWhitespace(b, end + 1);
                if (i >= n || b[i] != ':') {
                    return Scan.UNSURE;
                }
                i = skipValue(b, skipWhitespace(b, i + 1));
                if (i < 0) {
                    return Scan.UNSURE;
                }
                i = skipWhitespace(b, i);
                if (i < n && b[i] == ',') {
                    i = skipWhitespace(b, i + 1);
                } else if (i < n && b[i] == '}') {
                    i++;
                    break;
                } else {
                    return Scan.UNSURE;
                }
            }
        }
        if (skipWhitespace(b, i) != n) {
            return Scan.UNSURE;
        }
        return payloadType && signatures ? Scan.ENVELOPE : Scan.RECORD;
    }

    private static int skipWhitespace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Whether any of the eight bytes of {@code w} is {@code '"'} or {@code '\\'} (exact: the borrow test finds a zero byte if there is one). */
    private static boolean quoteOrBackslash(long w) {
        long q = w ^ (ONES * '"');
        long s = w ^ (ONES * '\\');
        return ((((q - ONES) & ~q) | ((s - ONES) & ~s)) & HIGH_BITS) != 0;
    }

    /**
     * The index of the quote that closes a string whose content starts at {@code i}; -1 if none.
     * Eight bytes at a time while they hold neither a quote nor a backslash (an envelope's payload
     * is one string of thousands of bytes), then byte by byte up to the next one of them.
     */
    static int stringEnd(byte[] b, int i) {
        int n = b.length;
        while (true) {
            while (i <= n - 8 && !quoteOrBackslash((long) LONGS.get(b, i))) {
                i += 8;
            }
            if (i >= n) {
                return -1;
            }
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            i += c == '\\' ? 2 : 1;
        }
    }

    /** The index just past a value starting at {@code i}, nested values skipped unchecked; -1 at the end of input. */
    private static int skipValue(byte[] b, int i) {
        int n = b.length;
        if (i >= n) {
            return -1;
        }
        if (b[i] == '"') {
            int end = stringEnd(b, i + 1);
            return end < 0 ? -1 : end + 1;
        }
        if (b[i] == '{' || b[i] == '[') {
            int depth = 0;
            for (; i < n; i++) {
                byte c = b[i];
                if (c == '"') {
                    i = stringEnd(b, i + 1);
                    if (i < 0) {
                        return -1;
                    }
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return i + 1;
                }
            }
            return -1;
        }
        while (i < n && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\n' && b[i] != '\r'
                && b[i] != '\t') {
            i++; // a number or a literal
        }
        return i;
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
            predicate = Json.mapper().writeValueAsBytes(p);
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
