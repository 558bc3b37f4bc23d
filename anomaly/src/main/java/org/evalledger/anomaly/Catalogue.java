package org.evalledger.anomaly;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark catalogue: per benchmark id its item count, chance level, ceiling, metric, kind and
 * family. {@link #defaults()} is the catalogue shipped in the jar ({@code benchmarks.tsv}, the
 * benchmarks of ANOMALY.md and two contamination-free twins); a caller extends or overrides it
 * with {@link #with(Benchmark...)} or {@link #with(Catalogue)}, or reads its own file with
 * {@link #parse(Reader, String)}. Immutable and thread-safe.
 *
 * <p>The file format is UTF-8 tab-separated text with the header line
 * {@code id family metrics few_shot items chance kind ceiling easy twin note}; {@code #} starts a
 * comment line, {@code -} marks an empty cell, {@code metrics} is comma-separated.
 */
public final class Catalogue {
    private static final List<String> HEADER = List.of("id", "family", "metrics", "few_shot", "items", "chance", "kind",
            "ceiling", "easy", "twin", "note");
    private static final Catalogue DEFAULTS = loadDefaults();

    /** The entries in id order, for iteration and {@link #toString()}. */
    private final Map<String, Benchmark> byId;
    /** The same entries for {@link #find}, which detectors call for every benchmark of every check. */
    private final Map<String, Benchmark> index;

    private Catalogue(Map<String, Benchmark> byId) {
        this.byId = Collections.unmodifiableMap(new TreeMap<>(byId));
        this.index = new HashMap<>(this.byId);
    }

    /** The catalogue shipped in the jar. */
    public static Catalogue defaults() {
        return DEFAULTS;
    }

    /** A catalogue of exactly these benchmarks (a later one with the same id wins). */
    public static Catalogue of(Collection<Benchmark> benchmarks) {
        Map<String, Benchmark> m = new TreeMap<>();
        for (Benchmark b : benchmarks) {
            m.put(b.id(), b);
        }
        return new Catalogue(m);
    }

    /** An empty catalogue: every detector that needs catalogue facts skips, saying why. */
    public static Catalogue empty() {
        return new Catalogue(Map.of());
    }

    /** This catalogue with these benchmarks added or replacing the entries with the same id. */
    public Catalogue with(Benchmark... benchmarks) {
        Map<String, Benchmark> m = new TreeMap<>(byId);
        for (Benchmark b : benchmarks) {
            m.put(b.id(), b);
        }
        return new Catalogue(m);
    }

    /** This catalogue with every entry of {@code other} added or replacing the one with the same id. */
    public Catalogue with(Catalogue other) {
        Map<String, Benchmark> m = new TreeMap<>(byId);
        m.putAll(other.byId);
        return new Catalogue(m);
    }

    /** The entry for a canonical benchmark id. */
    public Optional<Benchmark> find(String id) {
        return Optional.ofNullable(index.get(id));
    }

    /** All entries, by id. */
    public Collection<Benchmark> benchmarks() {
        return byId.values();
    }

    /** Number of entries. */
    public int size() {
        return byId.size();
    }

    /**
     * Reads a catalogue file (format above).
     *
     * @param source a name for messages, e.g. the file name
     * @throws CatalogueException ({@code EL-CATALOGUE-FORMAT}) naming the line that is wrong
     * @throws UncheckedIOException when the reader fails
     */
    public static Catalogue parse(Reader reader, String source) {
        List<Benchmark> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            int no = 0;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = Arrays.asList(line.split("\t", -1));
                if (!header) {
                    if (!cells.equals(HEADER)) {
                        throw new CatalogueException(source, no, "the header must be the tab-separated columns " + HEADER
                                + ", got " + cells);
                    }
                    header = true;
                    continue;
                }
                if (cells.size() != HEADER.size()) {
                    throw new CatalogueException(source, no, "expected " + HEADER.size() + " tab-separated cells, got "
                            + cells.size());
                }
                out.add(row(cells, source, no));
            }
            if (!header) {
                throw new CatalogueException(source, Math.max(no, 1), "no header line; the first line must be " + HEADER);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalogue " + source + ": " + e.getMessage(), e);
        }
        return of(out);
    }

    private static Benchmark row(List<String> c, String source, int no) {
        try {
            List<String> metrics = Arrays.stream(c.get(2).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new Benchmark(c.get(0).strip(), c.get(1).strip(), metrics,
                    cell(c.get(3)) == null ? null : Integer.valueOf(c.get(3).strip()),
                    cell(c.get(4)) == null ? null : Long.valueOf(c.get(4).strip()),
                    cell(c.get(5)) == null ? null : Double.valueOf(c.get(5).strip()),
                    kind(c.get(6).strip()),
                    cell(c.get(7)) == null ? null : Double.valueOf(c.get(7).strip()),
                    yesNo(c.get(8).strip()),
                    cell(c.get(9)));
        } catch (IllegalArgumentException e) { // NumberFormatException is one
            throw new CatalogueException(source, no, e.getMessage());
        }
    }

    private static @Nullable String cell(String s) {
        String t = s.strip();
        return t.isEmpty() || t.equals("-") ? null : t;
    }

    private static ScoreKind kind(String s) {
        try {
            return ScoreKind.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be count, macro or non_count, got \"" + s + "\"", e);
        }
    }

    private static boolean yesNo(String s) {
        return switch (s) {
            case "yes" -> true;
            case "no", "-", "" -> false;
            default -> throw new IllegalArgumentException("easy must be yes or no, got \"" + s + "\"");
        };
    }

    private static Catalogue loadDefaults() {
        try (InputStream in = Catalogue.class.getResourceAsStream("benchmarks.tsv")) {
            if (in == null) {
                throw new IllegalStateException("benchmarks.tsv is missing from the evalledger-anomaly jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "benchmarks.tsv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Catalogue" + byId.keySet();
    }
}
