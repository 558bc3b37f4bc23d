package org.evalledger.schema.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code pattern} of a small regular subset matched without {@link java.util.regex}: for the
 * subset, {@link #matches} answers exactly as {@code Pattern.compile(r).matcher(s).find()} does,
 * where {@code r} is the pattern with networknt's rewriting of {@code $} to {@code \z} ({@link
 * CompiledSchema#networkntRegex}); {@link #compile} returns null for any pattern outside it, and
 * the caller keeps {@code java.util.regex}.
 *
 * <p>The subset: {@code ^}, then a sequence of pieces, then {@code $} as the last character (so a
 * search is a match of the whole input: {@code ^} without MULTILINE matches only at the start, and
 * networknt's {@code $} only at the very end). A piece is an atom with an optional quantifier
 * ({@code {n}}, {@code {m,n}}, {@code +}, {@code *} or {@code ?}; not lazy, not possessive), or an
 * optional group {@code ( ... )?} of such quantified atoms, not nested and not able to match the
 * empty string. An atom is a printable ASCII character that is not a metacharacter, a backslash
 * before an ASCII punctuation character (that character), {@code \d} ({@code [0-9]}: Java without
 * UNICODE_CHARACTER_CLASS), or a class {@code [...]} of printable ASCII characters, ranges of
 * them and {@code \d}, not negated, with a {@code -} only first, last or between the two ends of
 * a range. Anything else (alternation, {@code .}, other escapes, nested or intersected classes,
 * backreferences, {@code {n,}}) is refused.
 *
 * <p>Matching is greedy and never backtracks, so a pattern is accepted only where that is provably
 * exact: each atom that may repeat a variable number of times ({@code min < max}) must consume no
 * character that can start what follows it (the atoms after it in its group, then, as far as they
 * can match the empty string, what follows the group, and so on to the end of the pattern); and an
 * optional group's first characters must be disjoint from the first characters of what follows
 * it. Then, at every choice the matcher makes, the next input character decides: if an atom has
 * consumed {@code j < max} characters and the next one is in its set, stopping there would leave
 * that character to start the rest of the match, which no character of the set can; and an
 * optional group is entered exactly when the next character can start it (skipping it would leave
 * that character to start what follows, which it cannot; and the group cannot match empty). So a
 * match, if there is one, is unique and is the one found, and the matcher answers exactly whether
 * the input is in the pattern's language.
 *
 * <p>All the sets are ASCII, so no character of a non-ASCII code point (a surrogate included)
 * matches any atom, in this matcher or in {@code java.util.regex} (which reads code points):
 * counting chars within a match is counting code points.
 *
 * <p>Instances are immutable and thread-safe; {@link #matches} allocates nothing.
 */
final class SimplePattern {
    /** A bound of {@code +} and {@code *}. */
    private static final int UNBOUNDED = Integer.MAX_VALUE;
    /** The largest count written in a quantifier that the subset takes (Java takes larger ones). */
    private static final int MAX_COUNT = 100_000;

    private final Piece[] pieces;
    private final int minLength;
    private final int maxLength;

    private SimplePattern(Piece[] pieces, int minLength, int maxLength) {
        this.pieces = pieces;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /**
     * Whether the whole string is in the pattern's language: the answer of a {@code java.util.regex}
     * search for the networknt-rewritten pattern.
     */
    boolean matches(String s) {
        int n = s.length();
        if (n < minLength || n > maxLength) {
            return false; // every match is a whole input of a length in [minLength, maxLength]
        }
        int at = 0;
        for (Piece piece : pieces) {
            at = piece.match(s, at, n);
            if (at < 0) {
                return false;
            }
        }
        return at == n;
    }

    /**
     * The matcher for a schema's {@code pattern} (as written in the schema, before networknt's
     * rewriting), or null when the pattern is outside the subset described in the class comment,
     * or where greedy matching would not be exact.
     */
    static @Nullable SimplePattern compile(String regex) {
        int n = regex.length();
        if (n < 2 || regex.charAt(0) != '^' || regex.charAt(n - 1) != '$') {
            return null;
        }
        List<Piece> pieces = new Parser(regex, n - 1).body();
        if (pieces == null || !greedyIsExact(pieces)) {
            return null;
        }
        long min = 0;
        long max = 0;
        for (Piece p : pieces) {
            min += p.minLength();
            max = Math.min(UNBOUNDED, max + p.maxLength());
        }
        if (min > UNBOUNDED) {
            return null;
        }
        return new SimplePattern(pieces.toArray(new Piece[0]), (int) min, (int) max);
    }

    /**
     * The disjointness conditions of the class comment, checked from the end of the pattern
     * backwards while collecting the characters that can start what follows each piece.
     */
    private static boolean greedyIsExact(List<Piece> pieces) {
        CharSet follow = CharSet.EMPTY; // what can start the rest; the end of input is no character
        for (int i = pieces.size() - 1; i >= 0; i--) {
            Piece p = pieces.get(i);
            if (p instanceof Atom a) {
                if (!a.exactBefore(follow)) {
                    return false;
                }
                follow = a.first(follow);
            } else {
                Group g = (Group) p;
                CharSet inner = follow;
                boolean nullable = true;
                for (int j = g.atoms.length - 1; j >= 0; j--) {
                    Atom a = g.atoms[j];
                    if (!a.exactBefore(inner)) {
                        return false;
                    }
                    inner = a.first(inner);
                    nullable &= a.min == 0;
                }
                if (nullable || g.first.intersects(follow)) {
                    return false;
                }
                follow = g.first.union(follow); // the group is optional: what follows it may come first
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- the pieces

    /** A set of ASCII characters as 128 bits. Immutable. */
    private record CharSet(long low, long high) {
        static final CharSet EMPTY = new CharSet(0, 0);

        static boolean contains(long low, long high, char c) {
            return c < 64 ? (low >>> c & 1L) != 0 : c < 128 && (high >>> (c - 64) & 1L) != 0;
        }

        CharSet union(CharSet o) {
            return new CharSet(low | o.low, high | o.high);
        }

        boolean intersects(CharSet o) {
            return (low & o.low) != 0 || (high & o.high) != 0;
        }

        boolean isEmpty() {
            return low == 0 && high == 0;
        }
    }

    /** A piece of the pattern: matches at a position, giving the position after it or -1. */
    private abstract static class Piece {
        abstract int match(String s, int at, int end);

        abstract long minLength();

        abstract long maxLength();
    }

    /** A set of characters repeated {@code min} to {@code max} times, matched greedily. */
    private static final class Atom extends Piece {
        final long low;
        final long high;
        final int min;
        final int max;

        Atom(CharSet set, int min, int max) {
            this.low = set.low();
            this.high = set.high();
            this.min = min;
            this.max = max;
        }

        @Override
        int match(String s, int at, int end) {
            int limit = end - at <= max ? end : at + max;
            int i = at;
            while (i < limit && CharSet.contains(low, high, s.charAt(i))) {
                i++;
            }
            return i - at >= min ? i : -1;
        }

        /** Whether greedy repetition is exact before a continuation that can start with {@code follow}. */
        boolean exactBefore(CharSet follow) {
            return min == max || !new CharSet(low, high).intersects(follow);
        }

        /** What can start this atom followed by a continuation that can start with {@code follow}. */
        CharSet first(CharSet follow) {
            CharSet own = max > 0 ? new CharSet(low, high) : CharSet.EMPTY;
            return min == 0 ? own.union(follow) : own;
        }

        @Override
        long minLength() {
            return min;
        }

        @Override
        long maxLength() {
            return max;
        }
    }

    /** {@code ( ... )?}: entered exactly when the next character can start it (see the class comment). */
    private static final class Group extends Piece {
        final Atom[] atoms;
        final CharSet first;
        private final long firstLow;
        private final long firstHigh;

        Group(Atom[] atoms) {
            this.atoms = atoms;
            CharSet f = CharSet.EMPTY;
            for (int j = atoms.length - 1; j >= 0; j--) {
                f = atoms[j].first(f);
            }
            this.first = f;
            this.firstLow = f.low();
            this.firstHigh = f.high();
        }

        @Override
        int match(String s, int at, int end) {
            if (at >= end || !CharSet.contains(firstLow, firstHigh, s.charAt(at))) {
                return at;
            }
            int i = at;
            for (Atom a : atoms) {
                i = a.match(s, i, end);
                if (i < 0) {
                    return -1;
                }
            }
            return i;
        }

        @Override
        long minLength() {
            return 0;
        }

        @Override
        long maxLength() {
            long max = 0;
            for (Atom a : atoms) {
                max = Math.min(UNBOUNDED, max + a.max);
            }
            return max;
        }
    }

    // ---------------------------------------------------------------- the parser

    /** Reads the body of a pattern (between the leading {@code ^} and the final {@code $}). Not thread-safe. */
    private static final class Parser {
        private static final String META = "\\^$.|?*+()[]{}";
        private static final CharSet DIGITS = new CharSet(0x03FF_0000_0000_0000L, 0);

        private final String regex;
        private final int end;
        private int i = 1;

        Parser(String regex, int end) {
            this.regex = regex;
            this.end = end;
        }

        /** The pieces, or null outside the subset. */
        @Nullable List<Piece> body() {
            List<Piece> pieces = new ArrayList<>();
            while (i < end) {
                Piece p = regex.charAt(i) == '(' ? group() : atom();
                if (p == null) {
                    return null;
                }
                pieces.add(p);
            }
            return pieces;
        }

        private @Nullable Group group() {
            i++; // (
            List<Atom> atoms = new ArrayList<>();
            while (i < end && regex.charAt(i) != ')') {
                if (regex.charAt(i) == '(') {
                    return null;
                }
                Atom a = atom();
                if (a == null) {
                    return null;
                }
                atoms.add(a);
            }
            if (i + 1 >= end || atoms.isEmpty() || regex.charAt(i + 1) != '?') {
                return null; // unclosed, empty, or not optional
            }
            i += 2;
            if (followedByQuantifier()) {
                return null;
            }
            return new Group(atoms.toArray(new Atom[0]));
        }

        private @Nullable Atom atom() {
            CharSet set;
            char c = regex.charAt(i);
            if (c == '[') {
                set = characterClass();
            } else if (c == '\\') {
                set = escape();
            } else if (isPrintableAscii(c) && META.indexOf(c) < 0) {
                set = single(c);
                i++;
            } else {
                return null;
            }
            if (set == null || set.isEmpty()) {
                return null;
            }
            int min = 1;
            int max = 1;
            if (i < end) {
                char q = regex.charAt(i);
                if (q == '+' || q == '*' || q == '?') {
                    min = q == '+' ? 1 : 0;
                    max = q == '?' ? 1 : UNBOUNDED;
                    i++;
                } else if (q == '{') {
                    i++;
                    min = count();
                    max = min;
                    if (min >= 0 && i < end && regex.charAt(i) == ',') {
                        i++;
                        max = count();
                    }
                    if (min < 0 || max < min || i >= end || regex.charAt(i) != '}') {
                        return null;
                    }
                    i++;
                }
                if (followedByQuantifier()) {
                    return null; // lazy, possessive or a quantifier of a quantifier
                }
            }
            return new Atom(set, min, max);
        }

        /** A count of up to six digits, or -1. */
        private int count() {
            int start = i;
            int value = 0;
            while (i < end && i - start < 6 && regex.charAt(i) >= '0' && regex.charAt(i) <= '9') {
                value = value * 10 + (regex.charAt(i) - '0');
                i++;
            }
            if (i == start || (i < end && regex.charAt(i) >= '0' && regex.charAt(i) <= '9') || value > MAX_COUNT) {
                return -1;
            }
            return value;
        }

        private boolean followedByQuantifier() {
            if (i >= end) {
                return false;
            }
            char c = regex.charAt(i);
            return c == '?' || c == '+' || c == '*' || c == '{';
        }

        /** {@code \d} or a backslash before ASCII punctuation; null for any other escape. */
        private @Nullable CharSet escape() {
            if (i + 1 >= end) {
                return null;
            }
            char c = regex.charAt(i + 1);
            i += 2;
            if (c == 'd') {
                return DIGITS;
            }
            return isEscapablePunctuation(c) ? single(c) : null;
        }

        private @Nullable CharSet characterClass() {
            i++; // [
            long low = 0;
            long high = 0;
            boolean any = false;
            while (true) {
                if (i >= end) {
                    return null;
                }
                char c = regex.charAt(i);
                if (c == ']') {
                    if (!any) {
                        return null;
                    }
                    i++;
                    return new CharSet(low, high);
                }
                CharSet add;
                if (c == '\\') {
                    add = escape();
                    if (add == null || (i < end && regex.charAt(i) == '-' && !closesNext())) {
                        return null; // a range from an escape: refused
                    }
                } else if (c == '-') {
                    if (any && !closesNext()) {
                        return null; // a '-' neither first nor last
                    }
                    add = single('-');
                    i++;
                } else if (!isPlainInClass(c)) {
                    return null;
                } else if (i + 2 < end && regex.charAt(i + 1) == '-' && regex.charAt(i + 2) != ']') {
                    char to = regex.charAt(i + 2);
                    if (!isPlainInClass(to) || to < c) {
                        return null;
                    }
                    add = range(c, to);
                    i += 3;
                } else {
                    add = single(c);
                    i++;
                }
                low |= add.low();
                high |= add.high();
                any = true;
            }
        }

        /** Whether the character after the current one ends the class (so a '-' here is literal). */
        private boolean closesNext() {
            return i + 1 < end && regex.charAt(i + 1) == ']';
        }

        private static CharSet single(char c) {
            return range(c, c);
        }

        private static CharSet range(char from, char to) {
            long low = 0;
            long high = 0;
            for (char c = from; c <= to; c++) {
                if (c < 64) {
                    low |= 1L << c;
                } else {
                    high |= 1L << (c - 64);
                }
            }
            return new CharSet(low, high);
        }

        private static boolean isPrintableAscii(char c) {
            return c >= 0x20 && c <= 0x7E;
        }

        /** Characters that stand for themselves in a class here ('-' is handled apart). */
        private static boolean isPlainInClass(char c) {
            return isPrintableAscii(c) && "\\[]^&-".indexOf(c) < 0;
        }

        /** Java reads a backslash before a non-alphabetic character as that character. */
        private static boolean isEscapablePunctuation(char c) {
            return c > 0x20 && c <= 0x7E && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z');
        }
    }
}
