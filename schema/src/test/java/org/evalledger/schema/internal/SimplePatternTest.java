package org.evalledger.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link SimplePattern} answers exactly as {@code java.util.regex} does for the regex networknt
 * makes of a pattern ({@link CompiledSchema#networkntRegex}, the rewriting the {@link Pattern} path
 * uses), and takes only patterns whose greedy matching is exact. Strings are built from a model of
 * each pattern (the test's own, rendered to the pattern's text): counts on and around every bound,
 * characters of each atom's set, their near misses, other ASCII, non-ASCII digits and letters,
 * lone and paired surrogates, line terminators (a trailing {@code \n} is what a plain Java
 * {@code $} would accept), then random edits.
 */
class SimplePatternTest {
    private static final int UNBOUNDED = Integer.MAX_VALUE;
    private static final Map<String, Pattern> ORACLES = new ConcurrentHashMap<>();
    /** Characters no class of the subset holds, or that a plain Java {@code $} treats specially. */
    private static final String[] STRANGERS = {"\n", "\r", "\r\n", "\u0085", "\u2028", "\u0000", "\u007f", "\u00e9", "\u0661",
        "\uff10", "\u00b2", "\u0130", "\u212a", "\ud83d", "\ude00", "\ud83d\ude00", "\ud835\udfce", " ", "$", "^", "\\"};

    /** The oracle: a search with the networknt-rewritten regex, as the Pattern path does it. */
    private static boolean javaFinds(String pattern, String s) {
        return ORACLES.computeIfAbsent(pattern, p -> Pattern.compile(CompiledSchema.networkntRegex(p, ""))).matcher(s).find();
    }

    // ---------------------------------------------------------------- a model of a pattern

    /** An atom: its text in the pattern, the characters it takes, and its counts. */
    private record Atom(String text, String chars, int min, int max) implements Piece {
        @Override
        public String render() {
            String q;
            if (min == 1 && max == 1) {
                q = "";
            } else if (min == 0 && max == 1) {
                q = "?";
            } else if (max == UNBOUNDED) {
                q = min == 0 ? "*" : "+";
            } else {
                q = min == max ? "{" + min + "}" : "{" + min + "," + max + "}";
            }
            return text + q;
        }
    }

    /** An optional group of atoms. */
    private record Group(List<Atom> atoms) implements Piece {
        @Override
        public String render() {
            StringBuilder b = new StringBuilder("(");
            atoms.forEach(a -> b.append(a.render()));
            return b.append(")?").toString();
        }
    }

    private sealed interface Piece permits Atom, Group {
        String render();
    }

    private static String render(List<Piece> pieces) {
        StringBuilder b = new StringBuilder("^");
        pieces.forEach(p -> b.append(p.render()));
        return b.append('$').toString();
    }

    private static final String DIGITS = "0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPER = LOWER.toUpperCase(java.util.Locale.ROOT);

    private static Atom lit(char c) {
        return new Atom(String.valueOf(c), String.valueOf(c), 1, 1);
    }

    private static Atom digits(int min, int max) {
        return new Atom("\\d", DIGITS, min, max);
    }

    private static List<Piece> literals(String s) {
        List<Piece> out = new ArrayList<>();
        for (char c : s.toCharArray()) {
            out.add(lit(c));
        }
        return out;
    }

    /** The five patterns of record-v1.schema.json, as models. */
    private static final Map<String, List<Piece>> SCHEMA_PATTERNS = schemaPatterns();

    private static Map<String, List<Piece>> schemaPatterns() {
        List<Piece> timestamp = new ArrayList<>(List.of(digits(4, 4), lit('-'), digits(2, 2), lit('-'), digits(2, 2), lit('T'),
                digits(2, 2), lit(':'), digits(2, 2), lit(':'), digits(2, 2),
                new Group(List.of(new Atom("\\.", ".", 1, 1), digits(1, 9))), lit('Z')));
        List<Piece> sha = literals("sha256:");
        sha.add(new Atom("[0-9a-f]", HEX, 64, 64));
        return Map.of(
                "hex64", List.of(new Atom("[0-9a-f]", HEX, 64, 64)),
                "recordId", List.of(new Atom("[A-Za-z0-9._:/-]", UPPER + LOWER + DIGITS + "._:/-", 1, 256)),
                "benchmarkId", List.of(new Atom("[a-z0-9_.-]", LOWER + DIGITS + "_.-", 1, UNBOUNDED)),
                "timestamp", timestamp,
                "supersedes", sha);
    }

    // ---------------------------------------------------------------- strings near a pattern

    /**
     * A string built from the model: a quarter faithful (in the language, with counts on the
     * bounds or between), a quarter with one count just past a bound or one edit, a quarter with
     * one edit, and a quarter wild (foreign characters anywhere, counts anywhere, partial groups,
     * a few edits).
     */
    private static String near(List<Piece> pieces, Random random) {
        int mode = random.nextInt(4);
        List<Atom> atoms = atoms(pieces);
        int offBound = mode == 1 && !atoms.isEmpty() && random.nextBoolean() ? random.nextInt(atoms.size()) : -1;
        boolean wild = mode == 3;
        StringBuilder b = new StringBuilder();
        int index = 0;
        for (Piece p : pieces) {
            if (p instanceof Atom a) {
                append(b, a, index++ == offBound, wild, random);
            } else {
                List<Atom> inGroup = ((Group) p).atoms();
                int upTo = random.nextBoolean() ? 0 : wild && random.nextInt(3) == 0 ? random.nextInt(inGroup.size()) : inGroup.size();
                for (int i = 0; i < inGroup.size(); i++) {
                    if (i < upTo) {
                        append(b, inGroup.get(i), index == offBound, wild, random);
                    }
                    index++;
                }
            }
        }
        int edits = switch (mode) {
            case 0 -> 0;
            case 1 -> offBound >= 0 ? 0 : 1;
            case 2 -> 1;
            default -> random.nextInt(3);
        };
        for (int e = 0; e < edits; e++) {
            edit(b, pieces, random);
        }
        return b.toString();
    }

    private static List<Atom> atoms(List<Piece> pieces) {
        List<Atom> atoms = new ArrayList<>();
        for (Piece p : pieces) {
            if (p instanceof Atom a) {
                atoms.add(a);
            } else {
                atoms.addAll(((Group) p).atoms());
            }
        }
        return atoms;
    }

    private static void append(StringBuilder b, Atom a, boolean offBound, boolean wild, Random random) {
        int n = wild ? Math.max(0, count(a, random) + random.nextInt(3) - 1) : offBound ? offBound(a, random) : count(a, random);
        for (int i = 0; i < n; i++) {
            b.append(wild && random.nextInt(12) == 0 ? other(a, random) : String.valueOf(a.chars().charAt(random.nextInt(a.chars().length()))));
        }
    }

    /** A count within the atom's bounds: on one of them, next to one, or anywhere between. */
    private static int count(Atom a, Random random) {
        int max = a.max() == UNBOUNDED ? a.min() + random.nextInt(300) : a.max();
        int c = switch (random.nextInt(5)) {
            case 0 -> a.min();
            case 1 -> max;
            case 2 -> a.min() + 1;
            case 3 -> max - 1;
            default -> a.min() + random.nextInt(max - a.min() + 1);
        };
        return Math.max(a.min(), Math.min(max, c));
    }

    /** A count just past one of the atom's bounds (within them if it has none to pass). */
    private static int offBound(Atom a, Random random) {
        boolean below = a.min() > 0 && (a.max() == UNBOUNDED || random.nextBoolean());
        if (below) {
            return a.min() - 1;
        }
        return a.max() == UNBOUNDED ? count(a, random) : a.max() + 1;
    }

    /** A character near the atom's set (next to one of its characters, or some other one), or a stranger. */
    private static String other(Atom a, Random random) {
        if (random.nextBoolean()) {
            char c = a.chars().charAt(random.nextInt(a.chars().length()));
            return String.valueOf((char) (random.nextBoolean() ? c + 1 : c - 1));
        }
        if (random.nextBoolean()) {
            return String.valueOf((char) (0x20 + random.nextInt(0x5f)));
        }
        return STRANGERS[random.nextInt(STRANGERS.length)];
    }

    private static void edit(StringBuilder b, List<Piece> pieces, Random random) {
        int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
        switch (random.nextInt(9)) {
            case 0 -> b.append('\n');
            case 1 -> b.append(STRANGERS[random.nextInt(STRANGERS.length)]);
            case 2 -> b.insert(0, STRANGERS[random.nextInt(STRANGERS.length)]);
            case 3 -> b.insert(at, anyChar(pieces, random));
            case 4 -> {
                if (at < b.length()) {
                    b.deleteCharAt(at);
                }
            }
            case 5 -> {
                if (at < b.length()) {
                    b.setCharAt(at, anyChar(pieces, random).charAt(0));
                }
            }
            case 6 -> b.setLength(at);
            case 7 -> {
                List<Atom> atoms = atoms(pieces);
                if (at < b.length() && !atoms.isEmpty()) {
                    b.replace(at, at + 1, other(atoms.get(random.nextInt(atoms.size())), random));
                }
            }
            default -> b.append(near(pieces, random)); // the pattern twice
        }
    }

    /** Any character of any atom of the pattern. */
    private static String anyChar(List<Piece> pieces, Random random) {
        List<Atom> atoms = atoms(pieces);
        if (atoms.isEmpty() || random.nextInt(5) == 0) {
            return STRANGERS[random.nextInt(STRANGERS.length)];
        }
        Atom a = atoms.get(random.nextInt(atoms.size()));
        return String.valueOf(a.chars().charAt(random.nextInt(a.chars().length())));
    }

    // ---------------------------------------------------------------- random patterns of the subset

    /** Atoms over a few characters, so that what an atom takes and what follows it often overlap. */
    private static final Atom[] ATOMS = {
        new Atom("a", "a", 1, 1), new Atom("b", "b", 1, 1), new Atom("0", "0", 1, 1), new Atom("-", "-", 1, 1),
        new Atom("\\.", ".", 1, 1), new Atom("\\-", "-", 1, 1), new Atom("\\$", "$", 1, 1), new Atom("[a-c]", "abc", 1, 1),
        new Atom("[ab]", "ab", 1, 1), new Atom("[b-]", "b-", 1, 1), new Atom("[-a]", "-a", 1, 1), new Atom("[.0-2]", ".012", 1, 1),
        new Atom("\\d", DIGITS, 1, 1), new Atom("[\\d.]", DIGITS + ".", 1, 1), new Atom("[c$]", "c$", 1, 1),
        new Atom("[A-Ca-c]", "ABCabc", 1, 1), new Atom("[\\]x]", "]x", 1, 1)};

    private static Atom randomAtom(Random random) {
        Atom a = ATOMS[random.nextInt(ATOMS.length)];
        int[] q = switch (random.nextInt(9)) {
            case 0 -> new int[] {0, 1};
            case 1 -> new int[] {1, UNBOUNDED};
            case 2 -> new int[] {0, UNBOUNDED};
            case 3 -> new int[] {2, 2};
            case 4 -> new int[] {1, 3};
            case 5 -> new int[] {0, 2};
            case 6 -> new int[] {0, 0};
            default -> new int[] {1, 1};
        };
        return new Atom(a.text(), a.chars(), q[0], q[1]);
    }

    private static List<Piece> randomPattern(Random random) {
        List<Piece> pieces = new ArrayList<>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(5) == 0) {
                List<Atom> atoms = new ArrayList<>();
                int k = 1 + random.nextInt(3);
                for (int j = 0; j < k; j++) {
                    atoms.add(randomAtom(random));
                }
                pieces.add(new Group(atoms));
            } else {
                pieces.add(randomAtom(random));
            }
        }
        return pieces;
    }

    // ---------------------------------------------------------------- the properties

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Test
    void theModelsAreTheSchemasFivePatternsAndEachIsTaken() {
        Set<String> inSchema = new TreeSet<>();
        collectPatterns(CompiledSchemaTest.recordSchema(), inSchema);
        Set<String> modelled = new TreeSet<>();
        SCHEMA_PATTERNS.values().forEach(m -> modelled.add(render(m)));
        assertEquals(inSchema, modelled);
        for (String p : modelled) {
            assertNotNull(SimplePattern.compile(p), p);
        }
    }

    private static void collectPatterns(JsonNode node, Set<String> out) {
        if (node.isObject() && node.has("pattern") && node.get("pattern").isString()) {
            out.add(node.get("pattern").stringValue());
        }
        if (node.isContainer()) {
            node.values().forEach(child -> collectPatterns(child, out));
        }
    }

    @Property(tries = 2000)
    void eachSchemaPatternAnswersAsJavaRegexDoes(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        for (Map.Entry<String, List<Piece>> e : SCHEMA_PATTERNS.entrySet()) {
            String pattern = render(e.getValue());
            SimplePattern compiled = SimplePattern.compile(pattern);
            assertNotNull(compiled, pattern);
            boolean last = false;
            for (int i = 0; i < 8; i++) {
                String s = near(e.getValue(), random);
                last = javaFinds(pattern, s);
                assertEquals(last, compiled.matches(s), () -> pattern + " on " + quote(s));
            }
            Statistics.label(e.getKey()).collect(last);
        }
        for (String name : SCHEMA_PATTERNS.keySet()) {
            Statistics.label(name).coverage(c -> {
                c.check(true).percentage(p -> p > 10);
                c.check(false).percentage(p -> p > 10);
            });
        }
    }

    @Property(tries = 4000)
    void aRandomPatternIsTakenOnlyWhereItsGreedyMatchIsExact(@ForAll("seeds") long seed) {
        Random random = new Random(seed);
        List<Piece> model = randomPattern(random);
        String pattern = render(model);
        SimplePattern compiled = SimplePattern.compile(pattern);
        Statistics.label("taken").collect(compiled != null);
        if (compiled != null) {
            int matched = 0;
            for (int i = 0; i < 40; i++) {
                String s = near(model, random);
                boolean expected = javaFinds(pattern, s);
                matched += expected ? 1 : 0;
                assertEquals(expected, compiled.matches(s), () -> pattern + " on " + quote(s));
            }
            Statistics.label("some strings of a taken pattern match").collect(matched > 0);
        }
        Statistics.label("taken").coverage(c -> {
            c.check(true).percentage(p -> p > 25);
            c.check(false).percentage(p -> p > 10);
        });
        Statistics.label("some strings of a taken pattern match").coverage(c -> c.check(true).percentage(p -> p > 80));
    }

    /** Patterns of the subset whose greedy match is exact, with strings on both sides. */
    @Test
    void takesThePatternsOfTheSubsetAndAnswersAsJavaRegexDoes() {
        Map<String, List<String>> taken = Map.ofEntries(
                Map.entry("^$", List.of("", "\n", "a")),
                Map.entry("^a$", List.of("a", "a\n", "A", "", "aa")),
                Map.entry("^ab?c*d+e{2}f{1,3}$", List.of("adeef", "abcccddeefff", "abdeeffff", "acdeef", "abdee", "abbdeef")),
                Map.entry("^[-a]*\\.$", List.of(".", "-a-.", "a..", "-a-")),
                Map.entry("^\\$\\^[$]{2}$", List.of("$^$$", "$^$", "$^$$$", "$^$$\n")),
                Map.entry("^(ab)?c$", List.of("c", "abc", "ac", "bc", "ababc")),
                Map.entry("^x{0}y$", List.of("y", "xy", "")),
                Map.entry("^(\\.\\d{1,9})?Z$", List.of("Z", ".1Z", ".123456789Z", ".1234567890Z", ".Z", "\u0661Z")),
                Map.entry("^a{0,3}(b)?c$", List.of("c", "aaabc", "aaaac", "bc", "abbc")),
                Map.entry("^[a-c]{2,4}[d-f]{0,2}g?$", List.of("ab", "abcadeg", "abcad", "a", "abcdefg")),
                Map.entry("^[ !#%',;<=>@_`~\"]+$", List.of(" !#", "~", "a", "")),
                Map.entry("^\\[\\]\\{\\}\\(\\)\\|\\*\\+\\?\\/$", List.of("[]{}()|*+?/", "[]{}()|*+?")),
                Map.entry("^[\\[\\]\\\\]{3}$", List.of("[]\\", "[[[", "abc")));
        taken.forEach((pattern, strings) -> {
            SimplePattern compiled = SimplePattern.compile(pattern);
            assertNotNull(compiled, pattern);
            for (String s : strings) {
                assertEquals(javaFinds(pattern, s), compiled.matches(s), () -> pattern + " on " + quote(s));
            }
        });
    }

    /** Unanchored patterns, other syntax, and patterns whose greedy match could go wrong are left to java.util.regex. */
    @Test
    void refusesEverythingElse() {
        List<String> refused = List.of(
                // greedy would not be exact
                "^[a-z]+a$", "^a*a$", "^a?a$", "^a{1,2}a$", "^(a)?a$", "^(ab)?a$", "^a?(b)?a$", "^[a-z]*(x)?$", "^[a-]+-?$",
                "^\\d+[0-9]$", "^(a?)?b$", "^(a{0})?b$", "^[.a]*(\\.)?$",
                // not anchored at both ends, or $ elsewhere than at the end
                "abc", "^abc", "abc$", "^ab$c$", "^a$$", "^a\\$", "a^b$",
                // other syntax
                "^a|b$", "^.$", "^[^a]$", "^\\w$", "^\\s$", "^\\D$", "^\\t$", "^\\n$", "^\\x41$", "^\\u0041$", "^\\0$", "^\\1$",
                "^(a)+$", "^(a)$", "^(a(b)?)?$", "^(?:a)?$", "^(?i)a$", "^()?a$", "^(a)??$", "^a+?$", "^a*+$", "^a??$", "^a{2}{3}$",
                "^a{2,}$", "^a{,2}$", "^a{3,2}$", "^a{1000000}$", "^a{ 2}$", "^{2}$", "^[]a]$", "^[a&&b]$", "^[a-z&&[^b]]$",
                "^[\\d-z]$", "^[a-z-9]$", "^[--a]$", "^[z-a]$", "^[a-\\z]$", "^[a^]$", "^[\\w]$", "^\u00e9$", "^[\u00e9]$", "^\t$",
                "^a]$", "^a}$", "^)$", "^[a$", "^(a$", "^a\\");
        for (String pattern : refused) {
            assertNull(SimplePattern.compile(pattern), pattern);
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }
}
