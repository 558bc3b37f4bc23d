package org.evalledger.schema.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The strings that nearly every signed record repeats: the member names and the {@code enum} and
 * {@code const} values of {@code record-v1.schema.json}, and the names and constants of the
 * in-toto Statement and the DSSE envelope around it. The strict reader hands out these instances
 * instead of a new {@code String} per occurrence: no allocation, and their hash codes, which every
 * member lookup asks for, are computed once. Which strings are here changes nothing but speed: any
 * other string is read as before. A test keeps the list in step with the schema.
 *
 * <p>Immutable after class initialisation; thread-safe.
 */
final class KnownStrings {
    /** Longer strings are never looked up: none of the known ones is longer. */
    static final int MAX_LENGTH = 48;

    /** Every string of the table, as written in the schema, the Statement and the envelope. */
    static final List<String> ALL = List.of(
            // record-v1.schema.json: member names
            "accelerator", "architecture", "artifacts", "arxiv", "availability", "baseModel", "batchSize", "benchmark",
            "chatTemplateSha256", "code", "commit", "confidenceInterval", "config", "count", "cpu", "createdAt", "dataset",
            "derivation", "developer", "displayName", "doSample", "doi", "dtype", "engine", "environment", "evaluated",
            "evaluatedAt", "extensions", "fewShot", "filter", "generation", "harness", "higherIsBetter", "id", "inference",
            "kind", "level", "lower", "max", "maxTokens", "memoryGiB", "method", "metrics", "min", "model", "n", "name", "os",
            "packages", "paper", "parameters", "platform", "precision", "producer", "prompt", "range", "reasoning", "recordId",
            "references", "relationship", "repository", "results", "revision", "rows", "samples", "schema", "seeds", "sha256",
            "source", "sourceType", "split", "stddev", "stderr", "stop", "subtasks", "supersedes", "systemPromptSha256", "task",
            "temperature", "template", "templateSha256", "topK", "topP", "total", "unit", "upper", "uri", "url", "value",
            "version",
            // record-v1.schema.json: enum and const strings
            "adapter", "analytic", "auto", "base", "bootstrap", "closed_weights", "collaborative", "distilled",
            "documentation", "evaluation_run", "finetune", "first_party", "https://evalledger.org/schemas/record/v1", "hub",
            "jackknife", "leaderboard", "log", "merge", "open_weights", "organization", "other", "percent", "person",
            "points", "proportion", "quantized", "seconds", "service", "third_party", "unknown",
            // the in-toto Statement v1 and the DSSE envelope (SIGNING.md)
            "_type", "predicate", "predicateType", "subject", "digest", "record", "https://in-toto.io/Statement/v1",
            "payload", "payloadType", "signatures", "keyid", "sig", "application/vnd.in-toto+json");

    private static final String[] TABLE;
    /** The ASCII bytes of each string of {@link #TABLE}, in the same slot. */
    private static final byte[][] BYTES;
    private static final int MASK;

    static {
        int size = Integer.highestOneBit(ALL.size() * 4 - 1) << 1; // at most a quarter full
        String[] table = new String[size];
        byte[][] bytes = new byte[size][];
        for (String s : ALL) {
            if (s.isEmpty() || s.length() > MAX_LENGTH || !StandardCharsets.US_ASCII.newEncoder().canEncode(s)) {
                throw new ExceptionInInitializerError("a known string is empty, longer than " + MAX_LENGTH + " or not ASCII: " + s);
            }
            byte[] c = s.getBytes(StandardCharsets.US_ASCII);
            int slot = slot(c, 0, c.length, size - 1);
            while (table[slot] != null && !table[slot].equals(s)) {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = s;
            bytes[slot] = c;
            s.hashCode(); // computed once here, kept by the String: every member lookup asks for it
        }
        TABLE = table;
        BYTES = bytes;
        MASK = size - 1;
    }

    private KnownStrings() {}

    /**
     * Where a string starts its probe: a hash of its length and of its first, middle and last
     * bytes (a constant number of reads, not the whole string; the comparison that follows reads
     * the rest).
     */
    private static int slot(byte[] text, int from, int length, int mask) {
        int h = length * 0x9E3779B1 ^ text[from] * 0x85EBCA6B ^ text[from + length - 1] * 0xC2B2AE35 ^ text[from + (length >> 1)];
        return (h ^ (h >>> 15)) & mask;
    }

    /**
     * The known string whose ASCII bytes are {@code text[from, from + length)}, or null when there
     * is none. {@code length} is at most {@link #MAX_LENGTH}.
     */
    static @Nullable String find(byte[] text, int from, int length) {
        if (length == 0) {
            return null;
        }
        int slot = slot(text, from, length, MASK);
        while (true) {
            byte[] known = BYTES[slot];
            if (known == null) {
                return null;
            }
            if (known.length == length && Arrays.equals(known, 0, length, text, from, from + length)) {
                return TABLE[slot];
            }
            slot = (slot + 1) & MASK;
        }
    }
}
