package org.evalledger.schema.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evalledger.core.Artifact;
import org.evalledger.core.ArtifactKind;
import org.evalledger.core.Availability;
import org.evalledger.core.BatchSize;
import org.evalledger.core.Derivation;
import org.evalledger.core.Environment;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Harness;
import org.evalledger.core.JsonValue;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.ProducerKind;
import org.evalledger.core.Reasoning;
import org.evalledger.core.References;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.StderrMethod;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.evalledger.core.WireEnum;
import org.evalledger.schema.internal.json.Jcs;
import org.evalledger.schema.internal.json.TreeBuilder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps between the JSON tree of a v1 record and the core types. {@link #toRecord} expects a tree
 * that has passed the JSON Schema; members are written in the order of SCHEMA.md, absent parts
 * are left out. Stateless and thread-safe.
 */
public final class TreeMapper {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TreeMapper() {}

    // ------------------------------------------------------------------ tree -> record

    /**
     * The record a schema-valid tree of core values describes.
     *
     * @throws IllegalArgumentException when the tree breaks a rule of the core types (only
     *     possible for a tree that did not pass the JSON Schema, or a timestamp that names no
     *     real date); {@link ClassCastException} or {@link NullPointerException} for a tree that
     *     did not pass the JSON Schema
     */
    public static EvaluationRecord toRecord(JsonValue root) {
        return new Reading().record(root);
    }

    /**
     * {@link #toRecord} and whether the record's value is the tree read:
     * {@code toValue(record).equals(root)}, found while mapping instead of building that value
     * and comparing it. See {@link Reading} for how.
     *
     * @throws IllegalArgumentException as {@link #toRecord} does
     */
    public static Mapped toRecordChecked(JsonValue root) {
        Reading reading = new Reading();
        EvaluationRecord record = reading.record(root);
        return new Mapped(record, reading.writesBack());
    }

    /**
     * A record mapped from a tree.
     *
     * @param record the record
     * @param writesBack whether {@code toValue(record)} equals the tree it was mapped from, so that
     *     the tree's canonical text is the record's
     */
    public record Mapped(EvaluationRecord record, boolean writesBack) {}

    /**
     * One mapping of a tree to a record, which also finds out whether {@link #toValue} of that
     * record gives the tree back. It does, exactly when
     * <ul>
     *   <li>every member of every object the mapping reads is read: the sizes of those objects add
     *       up to the members read (a member the record has no field for would be lost);</li>
     *   <li>every member read is written back as it was: strings, timestamps and wire names are kept
     *       as text, doubles as read; an integral number comes back equal only when it is the long it
     *       reads as (not {@code -0}); an empty array or object that {@link #toValue} leaves out
     *       ({@code subtasks}, {@code stop}, {@code artifacts}, {@code seeds}, {@code packages},
     *       {@code extensions}) or a {@code batchSize} string other than {@code "auto"} is not;</li>
     *   <li>{@code schema} is {@link EvaluationRecord#SCHEMA_V1}, which every record writes.</li>
     * </ul>
     * Every other part of the record comes from a member read: the core types keep what they are
     * given (they check, they do not normalise), and {@link #toValue} writes every field that is
     * set. {@code TreeMapperWritesBackTest} holds this to {@code toValue(record).equals(tree)} over
     * generated records and documents changed at random. Not thread-safe: one per mapping.
     */
    private static final class Reading {
        /** Members of the objects read, counted when each is entered. */
        private int members;
        /** Members found by name. */
        private int read;
        /** Whether a member read would be written back differently, or not at all. */
        private boolean changed;

        boolean writesBack() {
            return !changed && read == members;
        }

        /** The object, its members counted. */
        private JsonValue enter(JsonValue object) {
            members += members(object).size();
            return object;
        }

        private @Nullable JsonValue get(JsonValue object, String name) {
            JsonValue v = members(object).get(name);
            if (v != null) {
                read++;
            }
            return v;
        }

        EvaluationRecord record(JsonValue root) {
            enter(root);
            JsonValue schema = get(root, "schema");
            if (!(schema instanceof JsonValue.JsonString s && s.value().equals(EvaluationRecord.SCHEMA_V1))) {
                changed = true;
            }
            EvaluationRecord.Builder b = EvaluationRecord.builder()
                    .recordId(str(root, "recordId"))
                    .createdAt(Timestamp.parse(str(root, "createdAt")))
                    .evaluatedAt(ts(get(root, "evaluatedAt")))
                    .supersedes(optStr(root, "supersedes"))
                    .model(model(get(root, "model")))
                    .producer(producer(get(root, "producer")))
                    .references(references(get(root, "references")))
                    .harness(harness(get(root, "harness")))
                    .environment(environment(get(root, "environment")));
            JsonValue seeds = get(root, "seeds");
            if (seeds != null) {
                Map<String, Long> m = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> e : nonEmptyMembers(seeds).entrySet()) {
                    m.put(e.getKey(), integral(e.getValue()));
                }
                b.seeds(m);
            }
            List<JsonValue> items = items(get(root, "results"));
            List<Result> results = new ArrayList<>(items.size());
            for (JsonValue r : items) {
                results.add(result(r));
            }
            b.results(results);
            JsonValue ext = get(root, "extensions");
            if (ext != null) {
                b.extensions(nonEmptyMembers(ext));
            }
            return b.build();
        }

        private Model model(JsonValue n) {
            enter(n);
            JsonValue inf = get(n, "inference");
            Model.Inference inference = null;
            if (inf != null) {
                JsonValue e = get(enter(inf), "engine");
                inference = new Model.Inference(
                        e == null ? null : new Model.Engine(str(enter(e), "name"), optStr(e, "version")),
                        optStr(inf, "platform"));
            }
            return Model.builder(str(n, "id"))
                    .revision(optStr(n, "revision"))
                    .displayName(optStr(n, "displayName"))
                    .developer(optStr(n, "developer"))
                    .parameters(optLong(n, "parameters"))
                    .dtype(optStr(n, "dtype"))
                    .architecture(optStr(n, "architecture"))
                    .baseModel(optStr(n, "baseModel"))
                    .derivation(optEnum(n, "derivation", Derivation.class))
                    .availability(optEnum(n, "availability", Availability.class))
                    .inference(inference)
                    .build();
        }

        private Producer producer(JsonValue n) {
            enter(n);
            return new Producer(str(n, "name"), optEnum(n, "kind", ProducerKind.class), optStr(n, "url"),
                    enumOf(n, "relationship", Relationship.class), enumOf(n, "sourceType", SourceType.class));
        }

        private @Nullable References references(@Nullable JsonValue n) {
            if (n == null) {
                return null;
            }
            enter(n);
            JsonValue p = get(n, "paper");
            JsonValue c = get(n, "code");
            return new References(
                    p == null ? null : new References.Paper(optStr(enter(p), "arxiv"), optStr(p, "doi"), optStr(p, "url")),
                    c == null ? null : new References.Code(str(enter(c), "repository"), optStr(c, "commit")),
                    optStr(n, "source"));
        }

        private @Nullable Harness harness(@Nullable JsonValue n) {
            if (n == null) {
                return null;
            }
            enter(n);
            return new Harness(str(n, "name"), optStr(n, "version"), optStr(n, "commit"), stringMap(get(n, "packages")));
        }

        private @Nullable Environment environment(@Nullable JsonValue n) {
            if (n == null) {
                return null;
            }
            enter(n);
            JsonValue a = get(n, "accelerator");
            JsonValue bs = get(n, "batchSize");
            BatchSize batch = null;
            if (bs instanceof JsonValue.JsonString auto) {
                batch = BatchSize.auto();
                changed |= !auto.value().equals("auto");
            } else if (bs != null) {
                batch = BatchSize.of(intOf(bs));
            }
            return new Environment(
                    a == null ? null
                            : new Environment.Accelerator(str(enter(a), "model"), optInt(a, "count"), optDouble(a, "memoryGiB")),
                    optStr(n, "cpu"), optStr(n, "os"), optStr(n, "precision"), batch);
        }

        private Result result(JsonValue n) {
            enter(n);
            List<JsonValue> ms = items(get(n, "metrics"));
            List<Metric> metrics = new ArrayList<>(ms.size());
            for (JsonValue m : ms) {
                metrics.add(metric(m));
            }
            List<Artifact> artifacts = new ArrayList<>();
            JsonValue arts = get(n, "artifacts");
            if (arts != null) {
                for (JsonValue a : nonEmptyItems(arts)) {
                    enter(a);
                    artifacts.add(new Artifact(enumOf(a, "kind", ArtifactKind.class), str(a, "uri"), str(a, "sha256"),
                            optLong(a, "rows")));
                }
            }
            return new Result(task(get(n, "task")), metrics, artifacts);
        }

        private Task task(JsonValue n) {
            enter(n);
            JsonValue d = get(n, "dataset");
            JsonValue s = get(n, "samples");
            JsonValue p = get(n, "prompt");
            return Task.builder(str(n, "benchmark"))
                    .name(optStr(n, "name"))
                    .version(optStr(n, "version"))
                    .dataset(d == null ? null
                            : new Task.Dataset(str(enter(d), "id"), optStr(d, "config"), optStr(d, "split"), optStr(d, "revision")))
                    .fewShot(optInt(n, "fewShot"))
                    .samples(s == null ? null : new Task.Samples(optLong(enter(s), "total"), integral(get(s, "evaluated"))))
                    .prompt(p == null ? null
                            : new Task.Prompt(optStr(enter(p), "template"), optStr(p, "templateSha256"),
                                    optStr(p, "systemPromptSha256"), optStr(p, "chatTemplateSha256")))
                    .generation(generation(get(n, "generation")))
                    .filter(optStr(n, "filter"))
                    .subtasks(stringList(get(n, "subtasks")))
                    .build();
        }

        private Task.@Nullable Generation generation(@Nullable JsonValue n) {
            if (n == null) {
                return null;
            }
            enter(n);
            JsonValue r = get(n, "reasoning");
            Reasoning reasoning = r == null ? null
                    : r instanceof JsonValue.JsonBoolean flag ? new Reasoning.Flag(flag.value()) : new Reasoning.Level(text(r));
            JsonValue sample = get(n, "doSample");
            return new Task.Generation(optDouble(n, "temperature"), optDouble(n, "topP"), optInt(n, "topK"),
                    optInt(n, "maxTokens"), stringList(get(n, "stop")), sample == null ? null : bool(sample),
                    reasoning);
        }

        private Metric metric(JsonValue n) {
            enter(n);
            JsonValue range = get(n, "range");
            JsonValue se = get(n, "stderr");
            JsonValue ci = get(n, "confidenceInterval");
            return Metric.builder(str(n, "id"), num(get(n, "value")), bool(get(n, "higherIsBetter")))
                    .unit(optEnum(n, "unit", MetricUnit.class))
                    .range(range == null ? null : new Metric.Range(optDouble(enter(range), "min"), optDouble(range, "max")))
                    .stderr(se == null ? null
                            : new Metric.Stderr(num(get(enter(se), "value")), optEnum(se, "method", StderrMethod.class)))
                    .confidenceInterval(ci == null ? null
                            : new Metric.ConfidenceInterval(num(get(enter(ci), "lower")), num(get(ci, "upper")),
                                    num(get(ci, "level")), optStr(ci, "method")))
                    .stddev(optDouble(n, "stddev"))
                    .n(optLong(n, "n"))
                    .build();
        }

        private String str(JsonValue n, String name) {
            return text(get(n, name));
        }

        private @Nullable String optStr(JsonValue n, String name) {
            JsonValue v = get(n, name);
            return v == null ? null : text(v);
        }

        /**
         * An integral number (integers may be written as 1.0 or 1e3, as JSON Schema allows). Below 2^63
         * in magnitude it is the long it equals, as the reader reads the canonical text of the value.
         * Written back as that long, which equals the number read unless it was {@code -0}.
         */
        private long integral(JsonValue n) {
            double d = num(n);
            if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
                throw new IllegalArgumentException("not an integer: " + d);
            }
            long l = (long) d;
            changed |= Double.doubleToRawLongBits(l) != Double.doubleToRawLongBits(d);
            return l;
        }

        private int intOf(JsonValue n) {
            return Math.toIntExact(integral(n));
        }

        private @Nullable Long optLong(JsonValue n, String name) {
            JsonValue v = get(n, name);
            return v == null ? null : integral(v);
        }

        private @Nullable Integer optInt(JsonValue n, String name) {
            JsonValue v = get(n, name);
            return v == null ? null : intOf(v);
        }

        private @Nullable Double optDouble(JsonValue n, String name) {
            JsonValue v = get(n, name);
            return v == null ? null : num(v);
        }

        private <E extends Enum<E> & WireEnum> E enumOf(JsonValue n, String name, Class<E> type) {
            return wire(get(n, name), name, type);
        }

        private <E extends Enum<E> & WireEnum> @Nullable E optEnum(JsonValue n, String name, Class<E> type) {
            JsonValue v = get(n, name);
            return v == null ? null : wire(v, name, type);
        }

        private static <E extends Enum<E> & WireEnum> E wire(JsonValue v, String name, Class<E> type) {
            String wire = text(v);
            return WireEnum.fromWire(type, wire)
                    .orElseThrow(() -> new IllegalArgumentException(name + ": unknown value \"" + wire + "\""));
        }

        private List<String> stringList(@Nullable JsonValue n) {
            List<JsonValue> items = n == null ? List.of() : nonEmptyItems(n);
            List<String> out = new ArrayList<>(items.size());
            for (JsonValue item : items) {
                out.add(text(item));
            }
            return out;
        }

        private Map<String, String> stringMap(@Nullable JsonValue n) {
            Map<String, String> out = new LinkedHashMap<>();
            if (n != null) {
                for (Map.Entry<String, JsonValue> e : nonEmptyMembers(n).entrySet()) {
                    out.put(e.getKey(), text(e.getValue()));
                }
            }
            return out;
        }

        /** The items of an array that {@link #toValue} writes only when it has some. */
        private List<JsonValue> nonEmptyItems(JsonValue array) {
            List<JsonValue> items = items(array);
            changed |= items.isEmpty();
            return items;
        }

        /** The members of an object, all taken as they are, that {@link #toValue} writes only when it has some. */
        private Map<String, JsonValue> nonEmptyMembers(JsonValue object) {
            Map<String, JsonValue> m = members(object);
            changed |= m.isEmpty();
            return m;
        }
    }

    private static Map<String, JsonValue> members(JsonValue object) {
        return ((JsonValue.JsonObject) object).members();
    }

    private static List<JsonValue> items(@Nullable JsonValue array) {
        return array == null ? List.of() : ((JsonValue.JsonArray) array).items();
    }

    private static String text(JsonValue string) {
        return ((JsonValue.JsonString) string).value();
    }

    private static double num(JsonValue number) {
        return ((JsonValue.JsonNumber) number).value();
    }

    private static boolean bool(JsonValue b) {
        return ((JsonValue.JsonBoolean) b).value();
    }

    private static @Nullable Timestamp ts(@Nullable JsonValue n) {
        return n == null ? null : Timestamp.parse(text(n));
    }

    // ------------------------------------------------------------------ record -> tree

    /** The Jackson tree of a record, members in the order of SCHEMA.md (for pretty output and networknt). */
    public static ObjectNode toTree(EvaluationRecord r) {
        return (ObjectNode) toTree(r, TreeBuilder.JACKSON);
    }

    /** The record as core values, members in the order of SCHEMA.md (for its canonical form and the fast schema check). */
    public static JsonValue toValue(EvaluationRecord r) {
        return toTree(r, TreeBuilder.CORE);
    }

    /** The tree of a record, built by {@code t}: long and int fields as integers, double fields as numbers. */
    public static <V, O, A> V toTree(EvaluationRecord r, TreeBuilder<V, O, A> t) {
        Obj<V, O, A> o = new Obj<>(t)
                .str("schema", r.schema())
                .str("recordId", r.recordId())
                .str("createdAt", r.createdAt().text())
                .str("evaluatedAt", r.evaluatedAt() == null ? null : r.evaluatedAt().text())
                .str("supersedes", r.supersedes())
                .put("model", model(r.model(), t))
                .put("producer", producer(r.producer(), t))
                .put("references", r.references() == null ? null : references(r.references(), t))
                .put("harness", r.harness() == null ? null : harness(r.harness(), t))
                .put("environment", r.environment() == null ? null : environment(r.environment(), t));
        if (!r.seeds().isEmpty()) {
            Obj<V, O, A> seeds = new Obj<>(t);
            r.seeds().forEach(seeds::integer);
            o.put("seeds", seeds.done());
        }
        A results = t.newArray();
        for (Result result : r.results()) {
            t.add(results, result(result, t));
        }
        o.put("results", t.array(results));
        if (!r.extensions().isEmpty()) {
            Obj<V, O, A> ext = new Obj<>(t);
            r.extensions().forEach((k, v) -> ext.put(k, t.of(v)));
            o.put("extensions", ext.done());
        }
        return o.done();
    }

    private static <V, O, A> V model(Model m, TreeBuilder<V, O, A> t) {
        Obj<V, O, A> o = new Obj<>(t)
                .str("id", m.id())
                .str("revision", m.revision())
                .str("displayName", m.displayName())
                .str("developer", m.developer())
                .integer("parameters", m.parameters())
                .str("dtype", m.dtype())
                .str("architecture", m.architecture())
                .str("baseModel", m.baseModel())
                .wire("derivation", m.derivation())
                .wire("availability", m.availability());
        Model.Inference inf = m.inference();
        if (inf != null) {
            Model.Engine engine = inf.engine();
            o.put("inference", new Obj<>(t)
                    .put("engine", engine == null ? null : new Obj<>(t).str("name", engine.name()).str("version", engine.version()).done())
                    .str("platform", inf.platform())
                    .done());
        }
        return o.done();
    }

    private static <V, O, A> V producer(Producer p, TreeBuilder<V, O, A> t) {
        return new Obj<>(t)
                .str("name", p.name())
                .wire("kind", p.kind())
                .str("url", p.url())
                .wire("relationship", p.relationship())
                .wire("sourceType", p.sourceType())
                .done();
    }

    private static <V, O, A> V references(References r, TreeBuilder<V, O, A> t) {
        References.Paper paper = r.paper();
        References.Code code = r.code();
        return new Obj<>(t)
                .put("paper", paper == null ? null
                        : new Obj<>(t).str("arxiv", paper.arxiv()).str("doi", paper.doi()).str("url", paper.url()).done())
                .put("code", code == null ? null
                        : new Obj<>(t).str("repository", code.repository()).str("commit", code.commit()).done())
                .str("source", r.source())
                .done();
    }

    private static <V, O, A> V harness(Harness h, TreeBuilder<V, O, A> t) {
        Obj<V, O, A> o = new Obj<>(t).str("name", h.name()).str("version", h.version()).str("commit", h.commit());
        if (!h.packages().isEmpty()) {
            Obj<V, O, A> p = new Obj<>(t);
            h.packages().forEach(p::str);
            o.put("packages", p.done());
        }
        return o.done();
    }

    private static <V, O, A> V environment(Environment e, TreeBuilder<V, O, A> t) {
        Environment.Accelerator a = e.accelerator();
        BatchSize bs = e.batchSize();
        return new Obj<>(t)
                .put("accelerator", a == null ? null
                        : new Obj<>(t).str("model", a.model()).integer("count", a.count()).number("memoryGiB", a.memoryGiB()).done())
                .str("cpu", e.cpu())
                .str("os", e.os())
                .str("precision", e.precision())
                .put("batchSize", bs instanceof BatchSize.Fixed fixed ? t.integer(fixed.size()) : bs != null ? t.string("auto") : null)
                .done();
    }

    private static <V, O, A> V result(Result r, TreeBuilder<V, O, A> t) {
        A metrics = t.newArray();
        for (Metric m : r.metrics()) {
            t.add(metrics, metric(m, t));
        }
        Obj<V, O, A> o = new Obj<>(t).put("task", task(r.task(), t)).put("metrics", t.array(metrics));
        if (!r.artifacts().isEmpty()) {
            A arts = t.newArray();
            for (Artifact a : r.artifacts()) {
                t.add(arts, new Obj<>(t)
                        .wire("kind", a.kind())
                        .str("uri", a.uri())
                        .str("sha256", a.sha256())
                        .integer("rows", a.rows())
                        .done());
            }
            o.put("artifacts", t.array(arts));
        }
        return o.done();
    }

    private static <V, O, A> V task(Task task, TreeBuilder<V, O, A> t) {
        Task.Dataset d = task.dataset();
        Task.Samples s = task.samples();
        Task.Prompt p = task.prompt();
        return new Obj<>(t)
                .str("benchmark", task.benchmark())
                .str("name", task.name())
                .str("version", task.version())
                .put("dataset", d == null ? null
                        : new Obj<>(t).str("id", d.id()).str("config", d.config()).str("split", d.split())
                                .str("revision", d.revision()).done())
                .integer("fewShot", task.fewShot())
                .put("samples", s == null ? null : new Obj<>(t).integer("total", s.total()).integer("evaluated", s.evaluated()).done())
                .put("prompt", p == null ? null
                        : new Obj<>(t).str("template", p.template()).str("templateSha256", p.templateSha256())
                                .str("systemPromptSha256", p.systemPromptSha256())
                                .str("chatTemplateSha256", p.chatTemplateSha256()).done())
                .put("generation", task.generation() == null ? null : generation(task.generation(), t))
                .str("filter", task.filter())
                .put("subtasks", task.subtasks().isEmpty() ? null : strings(task.subtasks(), t))
                .done();
    }

    private static <V, O, A> V generation(Task.Generation g, TreeBuilder<V, O, A> t) {
        Reasoning r = g.reasoning();
        V reasoning = r instanceof Reasoning.Flag flag ? t.bool(flag.enabled())
                : r instanceof Reasoning.Level level ? t.string(level.level()) : null;
        return new Obj<>(t)
                .number("temperature", g.temperature())
                .number("topP", g.topP())
                .integer("topK", g.topK())
                .integer("maxTokens", g.maxTokens())
                .put("stop", g.stop().isEmpty() ? null : strings(g.stop(), t))
                .put("doSample", g.doSample() == null ? null : t.bool(g.doSample()))
                .put("reasoning", reasoning)
                .done();
    }

    private static <V, O, A> V metric(Metric m, TreeBuilder<V, O, A> t) {
        Metric.Range range = m.range();
        Metric.Stderr se = m.stderr();
        Metric.ConfidenceInterval ci = m.confidenceInterval();
        return new Obj<>(t)
                .str("id", m.id())
                .number("value", m.value())
                .wire("unit", m.unit())
                .put("higherIsBetter", t.bool(m.higherIsBetter()))
                .put("range", range == null ? null : new Obj<>(t).number("min", range.min()).number("max", range.max()).done())
                .put("stderr", se == null ? null : new Obj<>(t).number("value", se.value()).wire("method", se.method()).done())
                .put("confidenceInterval", ci == null ? null
                        : new Obj<>(t).number("lower", ci.lower()).number("upper", ci.upper()).number("level", ci.level())
                                .str("method", ci.method()).done())
                .number("stddev", m.stddev())
                .integer("n", m.n())
                .done();
    }

    private static <V, O, A> V strings(List<String> values, TreeBuilder<V, O, A> t) {
        A a = t.newArray();
        for (String v : values) {
            t.add(a, t.string(v));
        }
        return t.array(a);
    }

    /** An object being filled; members given as null are left out. */
    private static final class Obj<V, O, A> {
        private final TreeBuilder<V, O, A> t;
        private final O o;

        Obj(TreeBuilder<V, O, A> t) {
            this.t = t;
            this.o = t.newObject();
        }

        Obj<V, O, A> put(String name, @Nullable V value) {
            if (value != null) {
                t.put(o, name, value);
            }
            return this;
        }

        Obj<V, O, A> str(String name, @Nullable String value) {
            return value == null ? this : put(name, t.string(value));
        }

        Obj<V, O, A> integer(String name, @Nullable Number value) {
            return value == null ? this : put(name, t.integer(value.longValue()));
        }

        Obj<V, O, A> number(String name, @Nullable Double value) {
            return value == null ? this : put(name, t.number(value));
        }

        Obj<V, O, A> wire(String name, @Nullable WireEnum value) {
            return value == null ? this : put(name, t.string(value.wireName()));
        }

        V done() {
            return t.object(o);
        }
    }

    /** The JSON node of a core value. */
    public static JsonNode toNode(JsonValue v) {
        return TreeBuilder.JACKSON.of(v);
    }

    /**
     * The tree the strict reader makes of the value's canonical text, built without writing and
     * reading that text: members in canonical order, integral numbers below 2^63 in magnitude as
     * int or long nodes (the reader reads integer literals of up to 19 digits exactly), every other
     * number as a double node. So validating this tree is validating {@code JCS(value)}.
     */
    public static JsonNode toCanonicalTree(JsonValue v) {
        if (v instanceof JsonValue.JsonObject obj) {
            Map<String, JsonValue> members = obj.members();
            String[] names = Jcs.canonicalOrder(members.keySet().toArray(new String[0]));
            ObjectNode o = F.objectNode();
            for (String name : names) {
                o.set(name, toCanonicalTree(members.get(name)));
            }
            return o;
        }
        if (v instanceof JsonValue.JsonArray arr) {
            ArrayNode a = F.arrayNode(arr.items().size());
            for (JsonValue item : arr.items()) {
                a.add(toCanonicalTree(item));
            }
            return a;
        }
        if (v instanceof JsonValue.JsonNumber num) {
            double d = num.value();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
                long l = (long) d; // JCS writes -0 as 0
                return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
            }
            return F.numberNode(d);
        }
        return toNode(v);
    }
}
