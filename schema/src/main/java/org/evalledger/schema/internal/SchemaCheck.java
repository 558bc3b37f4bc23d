package org.evalledger.schema.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.ErrorCode;
import org.evalledger.schema.Issue;
import org.evalledger.schema.internal.json.StrictJsonReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a document against {@code record-v1.schema.json} with networknt's validator and turns
 * its errors into {@link Issue}s with our stable codes. A document that {@link CompiledSchema}
 * (our own yes/no compilation of the same schema, over core values) finds conforming is accepted
 * without building a Jackson tree or running networknt; every other document goes through
 * networknt, so every issue is networknt's as before.
 * Both compiled schemas are loaded once and shared: thread-safe.
 */
public final class SchemaCheck {
    /** Where the published schema lives in the jar. */
    public static final String RESOURCE = "/org/evalledger/schema/record-v1.schema.json";
    private static final String SCHEMA_URI = "https://evalledger.org/schemas/record/v1";

    private static final byte[] SCHEMA_BYTES = read();
    /** The fast path; null (so networknt checks everything) if the schema would not compile. */
    private static final @Nullable CompiledSchema FAST = compileFastPath();

    private SchemaCheck() {}

    private static byte[] read() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("record-v1.schema.json is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read record-v1.schema.json from the jar", e);
        }
    }

    /**
     * networknt's compiled schema, loaded on first use: a process whose documents all pass the fast
     * path (a batch of valid uploads) never loads networknt's classes nor compiles the schema twice.
     */
    private static final class Networknt {
        static final Schema SCHEMA = load();

        private static Schema load() {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            return registry.getSchema(new ByteArrayInputStream(SCHEMA_BYTES));
        }
    }

    private static @Nullable CompiledSchema compileFastPath() {
        try {
            return CompiledSchema.compile(StrictJsonReader.read(SCHEMA_BYTES, SCHEMA_BYTES.length, SCHEMA_BYTES.length));
        } catch (RuntimeException e) {
            // a keyword the compiler does not know: CompiledSchemaTest fails on this; at run time, stay correct
            return null;
        }
    }

    /** Whether the fast path is in use (it is unless the schema uses a keyword it does not know). */
    static boolean fastPathEnabled() {
        return FAST != null;
    }

    /**
     * Every schema violation of a document, in document order; empty when it conforms.
     *
     * @param value the document as core values, for the fast path
     * @param tree the same document as the Jackson tree networknt checks when the fast path does not
     *     find it conforming: the strict reader's tree of the same text, or {@link
     *     TreeMapper#toCanonicalTree} of the value
     */
    public static List<Issue> check(JsonValue value, Supplier<JsonNode> tree) {
        if (fastConforms(value)) {
            return List.of();
        }
        return checkWithNetworknt(tree.get());
    }

    private static boolean isV1(@Nullable JsonNode schema) {
        return schema != null && schema.isString() && SCHEMA_URI.equals(schema.stringValue());
    }

    private static boolean fastConforms(JsonValue root) {
        CompiledSchema fast = FAST;
        if (fast == null || !(root instanceof JsonValue.JsonObject object)
                || !(object.members().get("schema") instanceof JsonValue.JsonString schema) || !SCHEMA_URI.equals(schema.value())) {
            return false;
        }
        try {
            return fast.conforms(root);
        } catch (RuntimeException e) {
            return false; // a defect in the fast path must not hide an issue: let networknt decide
        }
    }

    /** Whether networknt alone finds no error in the tree. For tests that compare it with the fast path. */
    public static boolean networkntFindsNoError(JsonNode root) {
        return networknt(root).isEmpty();
    }

    /** Whether the fast path alone says the document conforms. For tests that compare it with networknt. */
    public static boolean fastPathConforms(JsonValue root) {
        CompiledSchema fast = FAST;
        if (fast == null) {
            throw new IllegalStateException("the fast path is disabled: record-v1.schema.json does not compile");
        }
        return fast.conforms(root);
    }

    /** {@link #check} without the fast path: the issues networknt finds in the tree. */
    public static List<Issue> checkWithNetworknt(JsonNode root) {
        List<Issue> issues = new ArrayList<>();
        if (root.isObject()) {
            JsonNode schema = root.get("schema");
            if (!isV1(schema)) {
                // the version decides how everything else is read: report it once, on its own
                issues.add(Issue.of(ErrorCode.SCHEMA_VERSION, "/schema",
                        (schema == null ? "\"schema\" is missing" : "\"schema\" is " + shorten(schema.toString()))
                                + ", so this is not a record this library reads. Set it to \"" + SCHEMA_URI + "\"."));
            }
        }
        List<Error> errors = networknt(root);
        for (Error e : errors) {
            Issue issue = toIssue(e);
            if (issue != null) {
                issues.add(issue);
            }
        }
        return dedupe(issues);
    }

    /**
     * networknt's errors for a tree. Its minimum and maximum checks convert a number to a long when
     * the bound is integral, and throw for a double beyond the long range (1e20, say); such a
     * document is checked again with each of those numbers as the exact integer it is (every double
     * that large is one), which JSON Schema treats as the same value.
     */
    private static List<Error> networknt(JsonNode root) {
        try {
            return Networknt.SCHEMA.validate(root);
        } catch (JacksonException e) {
            return Networknt.SCHEMA.validate(exactBigNumbers(root));
        }
    }

    private static JsonNode exactBigNumbers(JsonNode n) {
        if (n.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                copy.set(e.getKey(), exactBigNumbers(e.getValue()));
            }
            return copy;
        }
        if (n.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(n.size());
            for (JsonNode item : n) {
                copy.add(exactBigNumbers(item));
            }
            return copy;
        }
        if (n.isFloatingPointNumber() && Math.abs(n.doubleValue()) >= 0x1p63) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(n.doubleValue()).toBigIntegerExact());
        }
        return n;
    }

    private static List<Issue> dedupe(List<Issue> issues) {
        List<Issue> out = new ArrayList<>(issues.size());
        for (Issue i : issues) {
            if (!out.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    private static @Nullable Issue toIssue(Error e) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        String at = pointer(e.getInstanceLocation());
        String property = e.getProperty();
        String detail = e.getMessage() == null ? "" : e.getMessage();
        switch (keyword) {
            case "const":
                if (at.equals("/schema")) {
                    return null; // reported once as EL-SCHEMA-VERSION
                }
                return Issue.of(ErrorCode.SCHEMA_ENUM, at, "must be exactly " + e.getSchemaNode() + ". " + detail);
            case "required": {
                String missing = property == null ? "" : property;
                if (at.isEmpty() && missing.equals("schema")) {
                    return null; // reported as EL-SCHEMA-VERSION
                }
                return Issue.of(ErrorCode.SCHEMA_REQUIRED, Pointers.child(at, missing),
                        "required member \"" + missing + "\" is missing" + where(at) + ". Add it; SCHEMA.md says what it holds.");
            }
            case "additionalProperties": {
                String extra = property == null ? "?" : property;
                return Issue.of(ErrorCode.SCHEMA_UNKNOWN_PROPERTY, Pointers.child(at, extra),
                        "member \"" + extra + "\" is not part of schema v1" + where(at)
                                + ". Check its spelling, or put the data under \"extensions\" with a reverse-DNS key.");
            }
            case "type":
                return Issue.of(ErrorCode.SCHEMA_TYPE, at, "wrong type: " + detail);
            case "oneOf":
                return Issue.of(ErrorCode.SCHEMA_TYPE, at, "must be one of the allowed forms: " + detail);
            case "pattern":
                return Issue.of(ErrorCode.SCHEMA_PATTERN, at, "value does not have the required form: " + detail);
            case "enum":
                return Issue.of(ErrorCode.SCHEMA_ENUM, at, "value is not one of " + e.getSchemaNode() + ".");
            case "minimum":
            case "maximum":
            case "exclusiveMinimum":
            case "exclusiveMaximum":
                return Issue.of(ErrorCode.SCHEMA_RANGE, at, "number out of bounds: " + detail);
            case "minLength":
            case "maxLength":
            case "propertyNames":
                return Issue.of(ErrorCode.SCHEMA_LENGTH, at, "string length out of bounds: " + detail);
            case "minItems":
            case "maxItems":
            case "minProperties":
            case "maxProperties":
                return Issue.of(ErrorCode.SCHEMA_SIZE, at,
                        "wrong number of items: " + detail + " Leave an optional array or object out rather than empty.");
            default:
                return Issue.of(ErrorCode.SCHEMA_INVALID, at, (keyword.isEmpty() ? "" : keyword + ": ") + detail);
        }
    }

    private static String where(String at) {
        return at.isEmpty() ? " in the record" : " in " + at;
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** The JSON Pointer of a networknt instance location. */
    static String pointer(@Nullable NodePath path) {
        if (path == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                sb.append('/').append(index);
            } else {
                sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
            }
        }
        return sb.toString();
    }
}
