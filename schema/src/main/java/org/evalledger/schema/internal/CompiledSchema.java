package org.evalledger.schema.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.evalledger.core.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A yes/no JSON Schema 2020-12 validator compiled from a schema document into a tree of small
 * checks, for the keywords that {@code record-v1.schema.json} uses. It answers only whether an
 * instance conforms; to learn why not, run the full validator.
 *
 * <p>The compiler knows the assertions {@code type} (a name or a list of names), {@code enum} and
 * {@code const} (of strings, numbers, booleans and null), {@code minimum}, {@code maximum},
 * {@code exclusiveMinimum}, {@code exclusiveMaximum}, {@code minLength}, {@code maxLength},
 * {@code pattern}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code minProperties}, {@code propertyNames}, {@code items} (without {@code prefixItems}),
 * {@code minItems}, {@code maxItems}, {@code oneOf} and {@code $ref} to {@code #/$defs/NAME};
 * the root-only {@code $schema} (2020-12), {@code $id} and {@code $defs}; and the annotations
 * {@code title}, {@code description}, {@code $comment}, {@code default}, {@code examples},
 * {@code deprecated}, {@code readOnly}, {@code writeOnly} and {@code format}. Any other keyword,
 * or a known keyword in a form it does not handle, makes {@link #compile} throw
 * {@link UnsupportedSchemaException}: nothing is silently ignored.
 *
 * <p>Instances are core values ({@link JsonValue}), whose numbers are doubles. The answer is that of
 * networknt json-schema-validator 3.0.9 with its default 2020-12 configuration, which {@link
 * SchemaCheck} uses, on the Jackson tree the strict reader makes of the same text (or {@link
 * TreeMapper#toCanonicalTree} of the same value): {@code format} is an annotation only; a number
 * with a zero fraction ({@code 1.0}) is an {@code "integer"}; bounds compare numbers
 * mathematically, and numbers in {@code enum}/{@code const} are equal by value ({@code 1 == 1.0});
 * lengths count code points; {@code pattern} is a {@link java.util.regex} search (not a whole
 * match) in which {@code $} outside a character class means the very end of the input, as
 * networknt rewrites it. One deliberate deviation keeps the answer safe rather than exact, so that
 * {@code conforms} never says yes where networknt would not: where a bound, {@code enum} or
 * {@code const} meets a number of magnitude 2^53 or more (an integer literal that the reader may
 * have rounded and the Jackson tree holds exactly; networknt also throws for some of them), the
 * compiler declines and the whole answer is no.
 *
 * <p>Instances are immutable and thread-safe; {@link #conforms} allocates nothing on the valid
 * path except a small walk state per object that an object keyword checks (24 bytes on a
 * 64-bit JVM with compressed pointers; the JIT was not seen to eliminate it), a {@link
 * java.util.regex.Matcher} per {@code pattern} outside {@link SimplePattern}'s subset (none of
 * record-v1's), and a string value per name checked by {@code propertyNames}.
 */
public final class CompiledSchema {
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "default",
            "examples", "deprecated", "readOnly", "writeOnly", "format");
    private static final String DEFS_PREFIX = "#/$defs/";

    private final Check root;

    private CompiledSchema(Check root) {
        this.root = root;
    }

    /**
     * Whether the instance conforms to the schema; false also where this compiler declines to judge
     * (see the class comment), wherever in the instance that is.
     */
    public boolean conforms(JsonValue instance) {
        try {
            return root.test(instance);
        } catch (Declined e) {
            return false;
        }
    }

    /**
     * Compiles a schema document.
     *
     * @throws UnsupportedSchemaException naming the first keyword (and where it is) that this
     *     compiler does not know or cannot handle in the form given
     */
    public static CompiledSchema compile(JsonNode schemaDocument) {
        Compiler compiler = new Compiler(schemaDocument);
        Check root = compiler.schema(schemaDocument, "", true);
        compiler.compileAllDefinitions();
        return new CompiledSchema(root);
    }

    /** Thrown when a schema uses a keyword, or a form of one, that the compiler does not handle. */
    public static final class UnsupportedSchemaException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedSchemaException(String pointer, String message) {
            super((pointer.isEmpty() ? "at the schema root" : "at " + pointer) + ": " + message);
        }
    }

    /**
     * A schema {@code pattern} as networknt compiles it by default: java.util.regex, with every
     * {@code $} outside a character class standing for the end of input ({@code \z}, as in
     * ECMAScript). Constructs whose rewriting would need more care ({@code \Q}, {@code \p}, nested
     * classes) are refused. Whether the result compiles is left to {@link Pattern#compile}.
     *
     * @param at where the pattern is in the schema, for the exception
     * @throws UnsupportedSchemaException for a construct that is refused
     */
    static String networkntRegex(String regex, String at) {
        StringBuilder out = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    throw new UnsupportedSchemaException(at, "pattern ends in a lone backslash");
                }
                char next = regex.charAt(i + 1);
                if (next == 'Q' || next == 'E' || next == 'p' || next == 'P') {
                    throw new UnsupportedSchemaException(at, "pattern construct \\" + next + " is not supported");
                }
                out.append(c).append(next);
                i++;
            } else if (c == '[') {
                if (inClass) {
                    throw new UnsupportedSchemaException(at, "nested character classes are not supported");
                }
                inClass = true;
                out.append(c);
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    throw new UnsupportedSchemaException(at, "a ']' first in a character class is not supported");
                }
            } else if (c == ']' && inClass) {
                inClass = false;
                out.append(c);
            } else if (c == '$' && !inClass) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- the checks

    /** One compiled piece of a schema. */
    @FunctionalInterface
    private interface Check {
        boolean test(JsonValue value);
    }

    private static final Check ALWAYS = value -> true;
    private static final Check NEVER = value -> false;

    /**
     * Beyond this magnitude a double may be an integer literal the reader rounded (a Jackson tree
     * of the same text holds the exact long): bound and value checks decline such numbers.
     */
    private static final double EXACT_INTEGERS_END = 0x1p53;

    /**
     * Thrown by a check that declines to judge, so that the whole answer is "no" (a check that merely
     * said false could make a {@code oneOf} true). Preallocated, without a stack trace.
     */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super("declined", null, false, false);
        }
    }

    /** Declines a number that may have been rounded from an integer literal. */
    private static void declineIfRounded(double d) {
        if (Math.abs(d) >= EXACT_INTEGERS_END) {
            throw Declined.INSTANCE;
        }
    }

    /** {@code type}: a set of the seven JSON Schema type names, as bits. */
    private static final class TypeCheck implements Check {
        static final int NULL = 1;
        static final int BOOLEAN = 2;
        static final int OBJECT = 4;
        static final int ARRAY = 8;
        static final int NUMBER = 16;
        static final int STRING = 32;
        static final int INTEGER = 64;

        private final int allowed;

        TypeCheck(int allowed) {
            this.allowed = allowed;
        }

        static int bit(String name) {
            switch (name) {
                case "null": return NULL;
                case "boolean": return BOOLEAN;
                case "object": return OBJECT;
                case "array": return ARRAY;
                case "number": return NUMBER;
                case "string": return STRING;
                case "integer": return INTEGER;
                default: return 0;
            }
        }

        @Override
        public boolean test(JsonValue value) {
            if (value instanceof JsonValue.JsonObject) {
                return (allowed & OBJECT) != 0;
            }
            if (value instanceof JsonValue.JsonArray) {
                return (allowed & ARRAY) != 0;
            }
            if (value instanceof JsonValue.JsonString) {
                return (allowed & STRING) != 0;
            }
            if (value instanceof JsonValue.JsonNumber number) {
                double d = number.value(); // finite: the core type allows nothing else
                return (allowed & NUMBER) != 0 || ((allowed & INTEGER) != 0 && d == Math.rint(d));
            }
            if (value instanceof JsonValue.JsonBoolean) {
                return (allowed & BOOLEAN) != 0;
            }
            return (allowed & NULL) != 0;
        }
    }

    /** {@code enum} and {@code const} over scalars: equality by JSON value, numbers by magnitude. */
    private static final class ValueCheck implements Check {
        private final Set<String> strings;
        private final List<BigDecimal> numbers;
        private final boolean allowTrue;
        private final boolean allowFalse;
        private final boolean allowNull;

        ValueCheck(List<JsonNode> values) {
            Set<String> s = new HashSet<>();
            List<BigDecimal> n = new ArrayList<>();
            boolean t = false;
            boolean f = false;
            boolean nul = false;
            for (JsonNode v : values) {
                if (v.isString()) {
                    s.add(v.stringValue());
                } else if (v.isNumber()) {
                    n.add(v.decimalValue());
                } else if (v.isBoolean()) {
                    t |= v.booleanValue();
                    f |= !v.booleanValue();
                } else {
                    nul = true;
                }
            }
            this.strings = Set.copyOf(s);
            this.numbers = List.copyOf(n);
            this.allowTrue = t;
            this.allowFalse = f;
            this.allowNull = nul;
        }

        @Override
        public boolean test(JsonValue value) {
            if (value instanceof JsonValue.JsonString string) {
                return strings.contains(string.value());
            }
            if (value instanceof JsonValue.JsonBoolean b) {
                return b.value() ? allowTrue : allowFalse;
            }
            if (value instanceof JsonValue.JsonNull) {
                return allowNull;
            }
            if (value instanceof JsonValue.JsonNumber number) {
                double d = number.value();
                if (numbers.isEmpty()) {
                    return false;
                }
                declineIfRounded(d);
                BigDecimal v = new BigDecimal(d);
                for (BigDecimal candidate : numbers) {
                    if (candidate.compareTo(v) == 0) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** One of {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum}. */
    private static final class BoundCheck implements Check {
        private final BigDecimal limit;
        private final boolean lower;
        private final boolean exclusive;
        private final boolean limitIsDouble;
        private final double limitDouble;

        BoundCheck(BigDecimal limit, boolean lower, boolean exclusive) {
            this.limit = limit;
            this.lower = lower;
            this.exclusive = exclusive;
            double d = limit.doubleValue();
            this.limitIsDouble = Double.isFinite(d) && new BigDecimal(d).compareTo(limit) == 0;
            this.limitDouble = d;
        }

        @Override
        public boolean test(JsonValue value) {
            if (!(value instanceof JsonValue.JsonNumber number)) {
                return true; // bounds apply to numbers only
            }
            double v = number.value();
            declineIfRounded(v); // also where networknt throws: a double beyond the long range and an integral bound
            int c = limitIsDouble ? (v < limitDouble ? -1 : v > limitDouble ? 1 : 0) : new BigDecimal(v).compareTo(limit);
            if (lower) {
                return exclusive ? c > 0 : c >= 0;
            }
            return exclusive ? c < 0 : c <= 0;
        }
    }

    /**
     * {@code minLength}, {@code maxLength} and {@code pattern} of one schema. A pattern that {@link
     * SimplePattern} takes is matched by it (same answer, no {@link java.util.regex.Matcher}); any
     * other by a search with its networknt-rewritten {@link Pattern}.
     */
    private static final class StringCheck implements Check {
        private final int minLength;
        private final int maxLength;
        private final @Nullable Pattern pattern;
        private final @Nullable SimplePattern simple;

        StringCheck(int minLength, int maxLength, @Nullable Pattern pattern, @Nullable SimplePattern simple) {
            this.minLength = minLength;
            this.maxLength = maxLength;
            this.pattern = simple == null ? pattern : null;
            this.simple = simple;
        }

        @Override
        public boolean test(JsonValue value) {
            return !(value instanceof JsonValue.JsonString string) || accepts(string.value());
        }

        boolean accepts(String s) {
            int units = s.length();
            // a string of n UTF-16 units holds between ceil(n/2) and n code points
            if (units > maxLength && s.codePointCount(0, units) > maxLength) {
                return false;
            }
            if (units < minLength || ((units + 1) / 2 < minLength && s.codePointCount(0, units) < minLength)) {
                return false;
            }
            if (simple != null) {
                return simple.matches(s);
            }
            return pattern == null || pattern.matcher(s).find();
        }
    }

    /**
     * The object keywords of one schema: {@code properties}, {@code required}, {@code
     * additionalProperties}, {@code minProperties} and {@code propertyNames}.
     *
     * <p>It walks the object's members once, in the object's order, and finds each member's
     * property check by name in a small open-addressing table built at compile time (most of a
     * schema's properties are absent from an object, so looking each one up in the object would
     * cost more); a member the table lacks gets {@code additionalProperties}. The required names
     * that {@code properties} declares are counted as their members are met (an object has no two
     * members of one name), and those it does not declare are looked up, before the walk.
     *
     * <p>The order of evaluation, and {@link Declined}. The members are met in the object's
     * order, not the schema's, and a missing declared required name is seen only after the walk;
     * an evaluation in any other order (the schema's properties first, say) answers the same
     * wherever the answer counts. Each check either answers networknt's verdict on its subschema
     * or throws {@link Declined}: it declines exactly where the verdict would depend on a number
     * the reader may have rounded, so a false is never a guess. Hence a false from one member (or
     * a missing required name, or too few members) makes this object's verdict false whatever the
     * other members hold, and stopping there is exact; a decline ends the whole evaluation with
     * "no". If every check reached answers true, every order answers true. If some check would
     * answer false and another decline, one order meets the false first (this check answers
     * false) and another the decline (the whole answer is no). Between here and the schema's
     * root, every combinator but {@code oneOf} is a conjunction (a schema's keywords, an object's
     * members, an array's items, {@code $ref}), through which a false and a decline both end in
     * "no": the same answer. Only a {@code oneOf} above an object check could tell them apart (a
     * false alternative lets another one hold), and there the order may turn a no into a yes or a
     * yes into a no. Both are safe: a yes is still networknt's yes (every false it rests on is
     * networknt's own), and a no only sends the document to networknt. record-v1's two {@code
     * oneOf}s hold no object keywords (CompiledSchemaTest pins this), so for it the answer is the
     * same in every order, on every instance. {@code propertyNames} checks names, which are
     * strings and so never decline.
     *
     * <p>Immutable; the walk's state lives in a {@link Walk} made for each object checked.
     */
    private static final class ObjectCheck implements Check {
        /** The declared property names by slot, null for an empty slot; at least one slot is empty. */
        private final @Nullable String[] slotNames;
        private final int[] slotHashes;
        private final Check[] slotChecks;
        private final boolean[] slotRequired;
        private final int mask;
        private final int multiplier;
        private final int shift;
        /** How many distinct required names {@code properties} declares. */
        private final int requiredDeclared;
        /** The distinct required names that {@code properties} does not declare. */
        private final String[] requiredUndeclared;
        private final @Nullable Check additional;
        private final int minProperties;
        private final @Nullable Check propertyNames;
        /** Whether any member needs looking at (a declared property, additionalProperties or propertyNames). */
        private final boolean walks;

        ObjectCheck(Map<String, Check> properties, List<String> required, @Nullable Check additional,
                int minProperties, @Nullable Check propertyNames) {
            int[] layout = layout(properties.keySet());
            int size = layout[0];
            this.multiplier = layout[1];
            this.shift = 32 - Integer.numberOfTrailingZeros(size);
            this.slotNames = new String[size];
            this.slotHashes = new int[size];
            this.slotChecks = new Check[size];
            this.slotRequired = new boolean[size];
            this.mask = size - 1;
            Set<String> requiredNames = new LinkedHashSet<>(required);
            for (Map.Entry<String, Check> p : properties.entrySet()) {
                String name = p.getKey();
                int i = home(name.hashCode());
                while (slotNames[i] != null) {
                    i = (i + 1) & mask;
                }
                slotNames[i] = name;
                slotHashes[i] = name.hashCode();
                slotChecks[i] = p.getValue();
                slotRequired[i] = requiredNames.contains(name);
            }
            int declared = 0;
            List<String> undeclared = new ArrayList<>();
            for (String name : requiredNames) {
                if (properties.containsKey(name)) {
                    declared++;
                } else {
                    undeclared.add(name);
                }
            }
            this.requiredDeclared = declared;
            this.requiredUndeclared = undeclared.toArray(new String[0]);
            this.additional = additional;
            this.minProperties = minProperties;
            this.propertyNames = propertyNames;
            this.walks = !properties.isEmpty() || additional != null || propertyNames != null;
        }

        /** A hash code's first slot: the top bits of its product with the table's odd multiplier. */
        private int home(int hash) {
            return (hash * multiplier) >>> shift;
        }

        /**
         * The table's size and multiplier: the size a power of two at least twice the number of
         * names (so that a slot stays empty and absent names end their probe soon), the multiplier
         * the first of a fixed sequence of odd numbers that gives every name its own first slot, so
         * that a declared name is found at the first probe; if none does at that size, at twice and
         * four times that size, the first multiplier and linear probing.
         */
        private static int[] layout(Set<String> names) {
            int minimum = Integer.highestOneBit(Math.max(1, names.size()) * 2 - 1) << 1;
            for (int size = minimum; size <= minimum * 4; size <<= 1) {
                for (int k = 0; k < 64; k++) {
                    int multiplier = 0x9E3779B9 + 2 * k * 0x632BE5AB; // the golden ratio's, plus even steps: odd
                    if (collisionFree(names, size, multiplier)) {
                        return new int[] {size, multiplier};
                    }
                }
            }
            return new int[] {minimum, 0x9E3779B9};
        }

        private static boolean collisionFree(Set<String> names, int size, int multiplier) {
            int shift = 32 - Integer.numberOfTrailingZeros(size);
            boolean[] taken = new boolean[size];
            for (String name : names) {
                int i = (name.hashCode() * multiplier) >>> shift;
                if (taken[i]) {
                    return false;
                }
                taken[i] = true;
            }
            return true;
        }

        /** The slot of a declared property of this name, or -1. */
        int slot(String name) {
            int h = name.hashCode();
            int i = home(h);
            while (true) {
                String n = slotNames[i];
                if (n == null) {
                    return -1;
                }
                if (slotHashes[i] == h && n.equals(name)) {
                    return i;
                }
                i = (i + 1) & mask;
            }
        }

        @Override
        public boolean test(JsonValue value) {
            if (!(value instanceof JsonValue.JsonObject object)) {
                return true;
            }
            Map<String, JsonValue> members = object.members();
            int size = members.size();
            if (size < minProperties || size < requiredDeclared + requiredUndeclared.length) {
                return false;
            }
            for (String name : requiredUndeclared) {
                if (!members.containsKey(name)) {
                    return false;
                }
            }
            if (!walks) {
                return true;
            }
            Walk walk = new Walk(this);
            members.forEach(walk); // allocation-free over the parser's objects (core's BuiltMembers)
            return !walk.failed && walk.requiredSeen == requiredDeclared;
        }
    }

    /**
     * One walk of an object's members for an {@link ObjectCheck}: applies to each member the check
     * of its property, or {@code additionalProperties}, then {@code propertyNames}; after the first
     * failure it skips the rest ({@link Map#forEach} cannot stop). Counts the required declared
     * properties met. Not thread-safe: one per object checked, never shared.
     */
    private static final class Walk implements BiConsumer<String, JsonValue> {
        private final ObjectCheck check;
        int requiredSeen;
        boolean failed;

        Walk(ObjectCheck check) {
            this.check = check;
        }

        @Override
        public void accept(String name, JsonValue value) {
            if (failed) {
                return;
            }
            ObjectCheck c = check;
            int slot = c.slot(name);
            if (slot >= 0) {
                if (c.slotRequired[slot]) {
                    requiredSeen++;
                }
                if (!c.slotChecks[slot].test(value)) {
                    failed = true;
                    return;
                }
            } else if (c.additional != null && !c.additional.test(value)) {
                failed = true;
                return;
            }
            if (c.propertyNames != null && !c.propertyNames.test(new JsonValue.JsonString(name))) {
                failed = true;
            }
        }
    }

    /** {@code items}, {@code minItems} and {@code maxItems} of one schema. */
    private static final class ArrayCheck implements Check {
        private final Check items;
        private final int minItems;
        private final int maxItems;

        ArrayCheck(Check items, int minItems, int maxItems) {
            this.items = items;
            this.minItems = minItems;
            this.maxItems = maxItems;
        }

        @Override
        public boolean test(JsonValue value) {
            if (!(value instanceof JsonValue.JsonArray array)) {
                return true;
            }
            List<JsonValue> all = array.items();
            int size = all.size();
            if (size < minItems || size > maxItems) {
                return false;
            }
            if (items != ALWAYS) {
                for (int i = 0; i < size; i++) {
                    if (!items.test(all.get(i))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** {@code oneOf}: exactly one alternative holds. */
    private static final class OneOfCheck implements Check {
        private final Check[] alternatives;

        OneOfCheck(Check[] alternatives) {
            this.alternatives = alternatives;
        }

        @Override
        public boolean test(JsonValue value) {
            int passing = 0;
            for (Check c : alternatives) {
                if (c.test(value) && ++passing > 1) {
                    return false;
                }
            }
            return passing == 1;
        }
    }

    /** All of a schema's checks. */
    private static final class AllCheck implements Check {
        private final Check[] checks;

        AllCheck(Check[] checks) {
            this.checks = checks;
        }

        @Override
        public boolean test(JsonValue value) {
            for (Check c : checks) {
                if (!c.test(value)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A {@code $ref}, bound to its target once that is compiled (targets may refer back). */
    private static final class RefCheck implements Check {
        private @Nullable Check target;

        @Override
        public boolean test(JsonValue value) {
            Check t = target;
            if (t == null) {
                throw new IllegalStateException("unresolved $ref; CompiledSchema.compile did not finish");
            }
            return t.test(value);
        }
    }

    // ---------------------------------------------------------------- the compiler

    private static final class Compiler {
        private final JsonNode document;
        private final Map<String, RefCheck> definitions = new LinkedHashMap<>();

        Compiler(JsonNode document) {
            this.document = document;
        }

        /** Compiles every $defs entry, referenced or not, so an unknown keyword anywhere is found. */
        void compileAllDefinitions() {
            JsonNode defs = document.get("$defs");
            if (defs != null) {
                for (String name : defs.propertyNames()) {
                    definition(name, "/$defs");
                }
            }
        }

        private RefCheck definition(String name, String from) {
            RefCheck ref = definitions.get(name);
            if (ref == null) {
                JsonNode defs = document.get("$defs");
                JsonNode target = defs == null ? null : defs.get(name);
                if (target == null) {
                    throw new UnsupportedSchemaException(from, "$ref to a missing definition \"" + name + "\"");
                }
                ref = new RefCheck();
                definitions.put(name, ref); // before compiling, so that a cycle finds it
                ref.target = schema(target, "/$defs/" + escape(name), false);
            }
            return ref;
        }

        Check schema(JsonNode node, String at, boolean isRoot) {
            if (node.isBoolean()) {
                return node.booleanValue() ? ALWAYS : NEVER;
            }
            if (!node.isObject()) {
                throw new UnsupportedSchemaException(at, "a schema must be an object or a boolean");
            }
            List<Check> checks = new ArrayList<>();
            for (String keyword : node.propertyNames()) {
                JsonNode value = node.get(keyword);
                String here = at + "/" + escape(keyword);
                switch (keyword) {
                    case "$schema":
                        if (!isRoot || !value.isString() || !DIALECT.equals(value.stringValue())) {
                            throw new UnsupportedSchemaException(here, "only a root $schema of " + DIALECT + " is supported");
                        }
                        break;
                    case "$id":
                    case "$defs":
                        if (!isRoot) {
                            throw new UnsupportedSchemaException(here, keyword + " is supported at the root only");
                        }
                        if (keyword.equals("$id") ? !value.isString() : !value.isObject()) {
                            throw new UnsupportedSchemaException(here, "malformed " + keyword);
                        }
                        break;
                    case "$ref":
                        checks.add(ref(value, here));
                        break;
                    case "type":
                        checks.add(type(value, here));
                        break;
                    case "enum":
                        if (!value.isArray()) {
                            throw new UnsupportedSchemaException(here, "enum must be an array");
                        }
                        checks.add(new ValueCheck(scalars(value, here)));
                        break;
                    case "const":
                        checks.add(new ValueCheck(scalars(List.of(value), here)));
                        break;
                    case "minimum":
                    case "maximum":
                    case "exclusiveMinimum":
                    case "exclusiveMaximum":
                        checks.add(bound(node, keyword, value, here));
                        break;
                    case "minLength":
                    case "maxLength":
                    case "pattern":
                    case "properties":
                    case "required":
                    case "additionalProperties":
                    case "minProperties":
                    case "propertyNames":
                    case "items":
                    case "minItems":
                    case "maxItems":
                        break; // compiled together with their siblings below
                    case "oneOf":
                        checks.add(oneOf(value, here));
                        break;
                    default:
                        if (!ANNOTATIONS.contains(keyword)) {
                            throw new UnsupportedSchemaException(here, "unknown keyword \"" + keyword + "\"");
                        }
                }
            }
            Check strings = strings(node, at);
            if (strings != null) {
                checks.add(strings);
            }
            Check objects = objects(node, at);
            if (objects != null) {
                checks.add(objects);
            }
            Check arrays = arrays(node, at);
            if (arrays != null) {
                checks.add(arrays);
            }
            if (checks.isEmpty()) {
                return ALWAYS;
            }
            return checks.size() == 1 ? checks.get(0) : new AllCheck(checks.toArray(new Check[0]));
        }

        private Check ref(JsonNode value, String at) {
            if (!value.isString() || !value.stringValue().startsWith(DEFS_PREFIX)) {
                throw new UnsupportedSchemaException(at, "only $ref to " + DEFS_PREFIX + "NAME is supported");
            }
            String name = value.stringValue().substring(DEFS_PREFIX.length());
            if (name.isEmpty() || name.contains("/") || name.contains("~") || name.contains("%")) {
                throw new UnsupportedSchemaException(at, "only $ref to " + DEFS_PREFIX + "NAME with a plain NAME is supported");
            }
            return definition(name, at);
        }

        private static Check type(JsonNode value, String at) {
            int allowed = 0;
            List<JsonNode> names = value.isArray() ? elements(value) : List.of(value);
            if (names.isEmpty()) {
                throw new UnsupportedSchemaException(at, "type needs at least one name");
            }
            for (JsonNode name : names) {
                int bit = name.isString() ? TypeCheck.bit(name.stringValue()) : 0;
                if (bit == 0) {
                    throw new UnsupportedSchemaException(at, "unknown type " + name);
                }
                allowed |= bit;
            }
            return new TypeCheck(allowed);
        }

        /** A number node of the schema document that is not finite (the strict reader makes none; Jackson may). */
        private static boolean isNonFinite(JsonNode node) {
            return (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue());
        }

        private static List<JsonNode> scalars(Iterable<JsonNode> values, String at) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode v : values) {
                if (!(v.isString() || v.isBoolean() || v.isNull() || (v.isNumber() && !isNonFinite(v)))) {
                    throw new UnsupportedSchemaException(at, "only strings, finite numbers, booleans and null are supported, not " + v);
                }
                out.add(v);
            }
            return out;
        }

        private static Check bound(JsonNode schema, String keyword, JsonNode value, String at) {
            if (!value.isNumber() || isNonFinite(value)) {
                throw new UnsupportedSchemaException(at, keyword + " must be a finite number");
            }
            boolean lower = keyword.equals("minimum") || keyword.equals("exclusiveMinimum");
            boolean exclusive = keyword.startsWith("exclusive");
            JsonNode type = schema.get("type");
            if (type != null && type.isArray()) {
                // networknt compares through asLong() (truncating fractions) when the list names
                // "integer"; rather than copy that, refuse the combination
                throw new UnsupportedSchemaException(at, keyword + " beside a list of types is not supported");
            }
            return new BoundCheck(value.decimalValue(), lower, exclusive);
        }

        private static @Nullable Check strings(JsonNode schema, String at) {
            JsonNode min = schema.get("minLength");
            JsonNode max = schema.get("maxLength");
            JsonNode pattern = schema.get("pattern");
            if (min == null && max == null && pattern == null) {
                return null;
            }
            Pattern compiled = pattern == null ? null : pattern(pattern, at + "/pattern"); // refuses what networknt's would not be
            return new StringCheck(count(min, at + "/minLength", 0), count(max, at + "/maxLength", Integer.MAX_VALUE),
                    compiled, pattern == null ? null : SimplePattern.compile(pattern.stringValue()));
        }

        private @Nullable Check objects(JsonNode schema, String at) {
            JsonNode properties = schema.get("properties");
            JsonNode required = schema.get("required");
            JsonNode additional = schema.get("additionalProperties");
            JsonNode minProperties = schema.get("minProperties");
            JsonNode propertyNames = schema.get("propertyNames");
            if (properties == null && required == null && additional == null && minProperties == null
                    && propertyNames == null) {
                return null;
            }
            Map<String, Check> compiled = new LinkedHashMap<>();
            if (properties != null) {
                if (!properties.isObject()) {
                    throw new UnsupportedSchemaException(at + "/properties", "properties must be an object");
                }
                for (String name : properties.propertyNames()) {
                    compiled.put(name, schema(properties.get(name), at + "/properties/" + escape(name), false));
                }
            }
            List<String> names = new ArrayList<>();
            if (required != null) {
                if (!required.isArray()) {
                    throw new UnsupportedSchemaException(at + "/required", "required must be an array of strings");
                }
                for (JsonNode name : required) {
                    if (!name.isString()) {
                        throw new UnsupportedSchemaException(at + "/required", "required must be an array of strings");
                    }
                    names.add(name.stringValue());
                }
            }
            Check extra = additional == null ? null : schema(additional, at + "/additionalProperties", false);
            if (extra == ALWAYS) {
                extra = null;
            }
            Check keys = propertyNames == null ? null : schema(propertyNames, at + "/propertyNames", false);
            return new ObjectCheck(compiled, names, extra, count(minProperties, at + "/minProperties", 0), keys);
        }

        private @Nullable Check arrays(JsonNode schema, String at) {
            JsonNode items = schema.get("items");
            JsonNode min = schema.get("minItems");
            JsonNode max = schema.get("maxItems");
            if (items == null && min == null && max == null) {
                return null;
            }
            return new ArrayCheck(items == null ? ALWAYS : schema(items, at + "/items", false),
                    count(min, at + "/minItems", 0), count(max, at + "/maxItems", Integer.MAX_VALUE));
        }

        private Check oneOf(JsonNode value, String at) {
            if (!value.isArray() || value.isEmpty()) {
                throw new UnsupportedSchemaException(at, "oneOf must be a non-empty array of schemas");
            }
            Check[] alternatives = new Check[value.size()];
            for (int i = 0; i < alternatives.length; i++) {
                alternatives[i] = schema(value.get(i), at + "/" + i, false);
            }
            return new OneOfCheck(alternatives);
        }

        private static int count(@Nullable JsonNode value, String at, int absent) {
            if (value == null) {
                return absent;
            }
            if (!(value.isInt() || value.isLong()) || value.longValue() < 0 || value.longValue() > Integer.MAX_VALUE) {
                throw new UnsupportedSchemaException(at, "must be a non-negative integer up to " + Integer.MAX_VALUE);
            }
            return value.intValue();
        }

        /** A pattern as networknt compiles it by default (see {@link #networkntRegex}). */
        static Pattern pattern(JsonNode value, String at) {
            if (!value.isString()) {
                throw new UnsupportedSchemaException(at, "pattern must be a string");
            }
            try {
                return Pattern.compile(networkntRegex(value.stringValue(), at));
            } catch (PatternSyntaxException e) {
                throw new UnsupportedSchemaException(at, "pattern does not compile: " + e.getDescription());
            }
        }

        private static List<JsonNode> elements(JsonNode array) {
            List<JsonNode> out = new ArrayList<>(array.size());
            array.forEach(out::add);
            return out;
        }

        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }
    }
}
