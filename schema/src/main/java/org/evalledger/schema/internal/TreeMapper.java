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
     * The record a schema-valid tree describes.
     *
     * @throws IllegalArgumentException when the tree breaks a rule of the core types (only
     *     possible for a tree that did not pass the JSON Schema, or a timestamp that names no
     *     real date)
     */
    public static EvaluationRecord toRecord(JsonNode root) {
        EvaluationRecord.Builder b = EvaluationRecord.builder()
                .recordId(str(root, "recordId"))
                .createdAt(Timestamp.parse(str(root, "createdAt")))
                .evaluatedAt(ts(root.get("evaluatedAt")))
                .supersedes(optStr(root, "supersedes"))
                .model(model(root.get("model")))
                .producer(producer(root.get("producer")))
                .references(references(root.get("references")))
                .harness(harness(root.get("harness")))
                .environment(environment(root.get("environment")));
        JsonNode seeds = root.get("seeds");
        if (seeds != null) {
            Map<String, Long> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : seeds.properties()) {
                m.put(e.getKey(), integral(e.getValue()));
            }
            b.seeds(m);
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode r : root.get("results")) {
            results.add(result(r));
        }
        b.results(results);
        JsonNode ext = root.get("extensions");
        if (ext != null) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : ext.properties()) {
                m.put(e.getKey(), toValue(e.getValue()));
            }
            b.extensions(m);
        }
        return b.build();
    }

    private static Model model(JsonNode n) {
        JsonNode inf = n.get("inference");
        Model.Inference inference = null;
        if (inf != null) {
            JsonNode e = inf.get("engine");
            inference = new Model.Inference(
                    e == null ? null : new Model.Engine(str(e, "name"), optStr(e, "version")),
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

    private static Producer producer(JsonNode n) {
        return new Producer(str(n, "name"), optEnum(n, "kind", ProducerKind.class), optStr(n, "url"),
                enumOf(n, "relationship", Relationship.class), enumOf(n, "sourceType", SourceType.class));
    }

    private static @Nullable References references(@Nullable JsonNode n) {
        if (n == null) {
            return null;
        }
        JsonNode p = n.get("paper");
        JsonNode c = n.get("code");
        return new References(
                p == null ? null : new References.Paper(optStr(p, "arxiv"), optStr(p, "doi"), optStr(p, "url")),
                c == null ? null : new References.Code(str(c, "repository"), optStr(c, "commit")),
                optStr(n, "source"));
    }

    private static @Nullable Harness harness(@Nullable JsonNode n) {
        if (n == null) {
            return null;
        }
        return new Harness(str(n, "name"), optStr(n, "version"), optStr(n, "commit"), stringMap(n.get("packages")));
    }

    private static @Nullable Environment environment(@Nullable JsonNode n) {
        if (n == null) {
            return null;
        }
        JsonNode a = n.get("accelerator");
        JsonNode bs = n.get("batchSize");
        BatchSize batch = bs == null ? null : bs.isString() ? BatchSize.auto() : BatchSize.of(intOf(bs));
        return new Environment(
                a == null ? null : new Environment.Accelerator(str(a, "model"), optInt(a, "count"), optDouble(a, "memoryGiB")),
                optStr(n, "cpu"), optStr(n, "os"), optStr(n, "precision"), batch);
    }

    private static Result result(JsonNode n) {
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode m : n.get("metrics")) {
            metrics.add(metric(m));
        }
        List<Artifact> artifacts = new ArrayList<>();
        JsonNode arts = n.get("artifacts");
        if (arts != null) {
            for (JsonNode a : arts) {
                artifacts.add(new Artifact(enumOf(a, "kind", ArtifactKind.class), str(a, "uri"), str(a, "sha256"),
                        optLong(a, "rows")));
            }
        }
        return new Result(task(n.get("task")), metrics, artifacts);
    }

    private static Task task(JsonNode n) {
        JsonNode d = n.get("dataset");
        JsonNode s = n.get("samples");
        JsonNode p = n.get("prompt");
        return Task.builder(str(n, "benchmark"))
                .name(optStr(n, "name"))
                .version(optStr(n, "version"))
                .dataset(d == null ? null
                        : new Task.Dataset(str(d, "id"), optStr(d, "config"), optStr(d, "split"), optStr(d, "revision")))
                .fewShot(optInt(n, "fewShot"))
                .samples(s == null ? null : new Task.Samples(optLong(s, "total"), integral(s.get("evaluated"))))
                .prompt(p == null ? null
                        : new Task.Prompt(optStr(p, "template"), optStr(p, "templateSha256"),
                                optStr(p, "systemPromptSha256"), optStr(p, "chatTemplateSha256")))
                .generation(generation(n.get("generation")))
                .filter(optStr(n, "filter"))
                .subtasks(stringList(n.get("subtasks")))
                .build();
    }

    private static Task.@Nullable Generation generation(@Nullable JsonNode n) {
        if (n == null) {
            return null;
        }
        JsonNode r = n.get("reasoning");
        Reasoning reasoning = r == null ? null
                : r.isBoolean() ? new Reasoning.Flag(r.booleanValue()) : new Reasoning.Level(r.stringValue());
        JsonNode sample = n.get("doSample");
        return new Task.Generation(optDouble(n, "temperature"), optDouble(n, "topP"), optInt(n, "topK"),
                optInt(n, "maxTokens"), stringList(n.get("stop")), sample == null ? null : sample.booleanValue(),
                reasoning);
    }

    private static Metric metric(JsonNode n) {
        JsonNode range = n.get("range");
        JsonNode se = n.get("stderr");
        JsonNode ci = n.get("confidenceInterval");
        return Metric.builder(str(n, "id"), n.get("value").doubleValue(), n.get("higherIsBetter").booleanValue())
                .unit(optEnum(n, "unit", MetricUnit.class))
                .range(range == null ? null : new Metric.Range(optDouble(range, "min"), optDouble(range, "max")))
                .stderr(se == null ? null
                        : new Metric.Stderr(se.get("value").doubleValue(), optEnum(se, "method", StderrMethod.class)))
                .confidenceInterval(ci == null ? null
                        : new Metric.ConfidenceInterval(ci.get("lower").doubleValue(), ci.get("upper").doubleValue(),
                                ci.get("level").doubleValue(), optStr(ci, "method")))
                .stddev(optDouble(n, "stddev"))
                .n(optLong(n, "n"))
                .build();
    }

    /** The core value of any JSON node. */
    public static JsonValue toValue(JsonNode n) {
        if (n.isObject()) {
            Map<String, JsonValue> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), toValue(e.getValue()));
            }
            return new JsonValue.JsonObject(m);
        }
        if (n.isArray()) {
            List<JsonValue> items = new ArrayList<>(n.size());
            for (JsonNode item : n) {
                items.add(toValue(item));
            }
            return new JsonValue.JsonArray(items);
        }
        if (n.isString()) {
            return new JsonValue.JsonString(n.stringValue());
        }
        if (n.isNumber()) {
            return new JsonValue.JsonNumber(n.doubleValue());
        }
        if (n.isBoolean()) {
            return new JsonValue.JsonBoolean(n.booleanValue());
        }
        return JsonValue.JsonNull.INSTANCE;
    }

    private static String str(JsonNode n, String name) {
        return n.get(name).stringValue();
    }

    private static @Nullable String optStr(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null ? null : v.stringValue();
    }

    private static @Nullable Timestamp ts(@Nullable JsonNode n) {
        return n == null ? null : Timestamp.parse(n.stringValue());
    }

    /** An integral number node (integers may be written as 1.0 or 1e3, as JSON Schema allows). */
    private static long integral(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        double d = n.doubleValue();
        if (d != Math.rint(d) || Math.abs(d) > 9_007_199_254_740_991d) {
            throw new IllegalArgumentException("not an integer: " + d);
        }
        return (long) d;
    }

    private static int intOf(JsonNode n) {
        return Math.toIntExact(integral(n));
    }

    private static @Nullable Long optLong(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null ? null : integral(v);
    }

    private static @Nullable Integer optInt(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null ? null : intOf(v);
    }

    private static @Nullable Double optDouble(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null ? null : v.doubleValue();
    }

    private static <E extends Enum<E> & WireEnum> E enumOf(JsonNode n, String name, Class<E> type) {
        String wire = str(n, name);
        return WireEnum.fromWire(type, wire)
                .orElseThrow(() -> new IllegalArgumentException(name + ": unknown value \"" + wire + "\""));
    }

    private static <E extends Enum<E> & WireEnum> @Nullable E optEnum(JsonNode n, String name, Class<E> type) {
        return n.get(name) == null ? null : enumOf(n, name, type);
    }

    private static List<String> stringList(@Nullable JsonNode n) {
        if (n == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode item : n) {
            out.add(item.stringValue());
        }
        return out;
    }

    private static Map<String, String> stringMap(@Nullable JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                out.put(e.getKey(), e.getValue().stringValue());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ record -> tree

    /** The JSON tree of a record, members in the order of SCHEMA.md. */
    public static ObjectNode toTree(EvaluationRecord r) {
        ObjectNode o = F.objectNode();
        o.put("schema", r.schema());
        o.put("recordId", r.recordId());
        o.put("createdAt", r.createdAt().text());
        if (r.evaluatedAt() != null) {
            o.put("evaluatedAt", r.evaluatedAt().text());
        }
        putOpt(o, "supersedes", r.supersedes());
        o.set("model", model(r.model()));
        o.set("producer", producer(r.producer()));
        if (r.references() != null) {
            o.set("references", references(r.references()));
        }
        if (r.harness() != null) {
            o.set("harness", harness(r.harness()));
        }
        if (r.environment() != null) {
            o.set("environment", environment(r.environment()));
        }
        if (!r.seeds().isEmpty()) {
            ObjectNode seeds = o.putObject("seeds");
            r.seeds().forEach(seeds::put);
        }
        ArrayNode results = o.putArray("results");
        for (Result result : r.results()) {
            results.add(result(result));
        }
        if (!r.extensions().isEmpty()) {
            ObjectNode ext = o.putObject("extensions");
            r.extensions().forEach((k, v) -> ext.set(k, toNode(v)));
        }
        return o;
    }

    private static ObjectNode model(Model m) {
        ObjectNode o = F.objectNode();
        o.put("id", m.id());
        putOpt(o, "revision", m.revision());
        putOpt(o, "displayName", m.displayName());
        putOpt(o, "developer", m.developer());
        if (m.parameters() != null) {
            o.put("parameters", m.parameters());
        }
        putOpt(o, "dtype", m.dtype());
        putOpt(o, "architecture", m.architecture());
        putOpt(o, "baseModel", m.baseModel());
        putEnum(o, "derivation", m.derivation());
        putEnum(o, "availability", m.availability());
        Model.Inference inf = m.inference();
        if (inf != null) {
            ObjectNode i = o.putObject("inference");
            if (inf.engine() != null) {
                ObjectNode e = i.putObject("engine");
                e.put("name", inf.engine().name());
                putOpt(e, "version", inf.engine().version());
            }
            putOpt(i, "platform", inf.platform());
        }
        return o;
    }

    private static ObjectNode producer(Producer p) {
        ObjectNode o = F.objectNode();
        o.put("name", p.name());
        putEnum(o, "kind", p.kind());
        putOpt(o, "url", p.url());
        putEnum(o, "relationship", p.relationship());
        putEnum(o, "sourceType", p.sourceType());
        return o;
    }

    private static ObjectNode references(References r) {
        ObjectNode o = F.objectNode();
        if (r.paper() != null) {
            ObjectNode p = o.putObject("paper");
            putOpt(p, "arxiv", r.paper().arxiv());
            putOpt(p, "doi", r.paper().doi());
            putOpt(p, "url", r.paper().url());
        }
        if (r.code() != null) {
            ObjectNode c = o.putObject("code");
            c.put("repository", r.code().repository());
            putOpt(c, "commit", r.code().commit());
        }
        putOpt(o, "source", r.source());
        return o;
    }

    private static ObjectNode harness(Harness h) {
        ObjectNode o = F.objectNode();
        o.put("name", h.name());
        putOpt(o, "version", h.version());
        putOpt(o, "commit", h.commit());
        if (!h.packages().isEmpty()) {
            ObjectNode p = o.putObject("packages");
            h.packages().forEach(p::put);
        }
        return o;
    }

    private static ObjectNode environment(Environment e) {
        ObjectNode o = F.objectNode();
        Environment.Accelerator a = e.accelerator();
        if (a != null) {
            ObjectNode acc = o.putObject("accelerator");
            acc.put("model", a.model());
            if (a.count() != null) {
                acc.put("count", a.count());
            }
            if (a.memoryGiB() != null) {
                acc.put("memoryGiB", a.memoryGiB());
            }
        }
        putOpt(o, "cpu", e.cpu());
        putOpt(o, "os", e.os());
        putOpt(o, "precision", e.precision());
        BatchSize bs = e.batchSize();
        if (bs instanceof BatchSize.Fixed fixed) {
            o.put("batchSize", fixed.size());
        } else if (bs != null) {
            o.put("batchSize", "auto");
        }
        return o;
    }

    private static ObjectNode result(Result r) {
        ObjectNode o = F.objectNode();
        o.set("task", task(r.task()));
        ArrayNode metrics = o.putArray("metrics");
        for (Metric m : r.metrics()) {
            metrics.add(metric(m));
        }
        if (!r.artifacts().isEmpty()) {
            ArrayNode arts = o.putArray("artifacts");
            for (Artifact a : r.artifacts()) {
                ObjectNode ao = arts.addObject();
                putEnum(ao, "kind", a.kind());
                ao.put("uri", a.uri());
                ao.put("sha256", a.sha256());
                if (a.rows() != null) {
                    ao.put("rows", a.rows());
                }
            }
        }
        return o;
    }

    private static ObjectNode task(Task t) {
        ObjectNode o = F.objectNode();
        o.put("benchmark", t.benchmark());
        putOpt(o, "name", t.name());
        putOpt(o, "version", t.version());
        Task.Dataset d = t.dataset();
        if (d != null) {
            ObjectNode dn = o.putObject("dataset");
            dn.put("id", d.id());
            putOpt(dn, "config", d.config());
            putOpt(dn, "split", d.split());
            putOpt(dn, "revision", d.revision());
        }
        if (t.fewShot() != null) {
            o.put("fewShot", t.fewShot());
        }
        Task.Samples s = t.samples();
        if (s != null) {
            ObjectNode sn = o.putObject("samples");
            if (s.total() != null) {
                sn.put("total", s.total());
            }
            sn.put("evaluated", s.evaluated());
        }
        Task.Prompt p = t.prompt();
        if (p != null) {
            ObjectNode pn = o.putObject("prompt");
            putOpt(pn, "template", p.template());
            putOpt(pn, "templateSha256", p.templateSha256());
            putOpt(pn, "systemPromptSha256", p.systemPromptSha256());
            putOpt(pn, "chatTemplateSha256", p.chatTemplateSha256());
        }
        Task.Generation g = t.generation();
        if (g != null) {
            ObjectNode gn = o.putObject("generation");
            if (g.temperature() != null) {
                gn.put("temperature", g.temperature());
            }
            if (g.topP() != null) {
                gn.put("topP", g.topP());
            }
            if (g.topK() != null) {
                gn.put("topK", g.topK());
            }
            if (g.maxTokens() != null) {
                gn.put("maxTokens", g.maxTokens());
            }
            if (!g.stop().isEmpty()) {
                ArrayNode stop = gn.putArray("stop");
                g.stop().forEach(stop::add);
            }
            if (g.doSample() != null) {
                gn.put("doSample", g.doSample());
            }
            Reasoning r = g.reasoning();
            if (r instanceof Reasoning.Flag flag) {
                gn.put("reasoning", flag.enabled());
            } else if (r instanceof Reasoning.Level level) {
                gn.put("reasoning", level.level());
            }
        }
        putOpt(o, "filter", t.filter());
        if (!t.subtasks().isEmpty()) {
            ArrayNode sub = o.putArray("subtasks");
            t.subtasks().forEach(sub::add);
        }
        return o;
    }

    private static ObjectNode metric(Metric m) {
        ObjectNode o = F.objectNode();
        o.put("id", m.id());
        o.put("value", m.value());
        putEnum(o, "unit", m.unit());
        o.put("higherIsBetter", m.higherIsBetter());
        Metric.Range range = m.range();
        if (range != null) {
            ObjectNode r = o.putObject("range");
            if (range.min() != null) {
                r.put("min", range.min());
            }
            if (range.max() != null) {
                r.put("max", range.max());
            }
        }
        Metric.Stderr se = m.stderr();
        if (se != null) {
            ObjectNode s = o.putObject("stderr");
            s.put("value", se.value());
            putEnum(s, "method", se.method());
        }
        Metric.ConfidenceInterval ci = m.confidenceInterval();
        if (ci != null) {
            ObjectNode c = o.putObject("confidenceInterval");
            c.put("lower", ci.lower());
            c.put("upper", ci.upper());
            c.put("level", ci.level());
            putOpt(c, "method", ci.method());
        }
        if (m.stddev() != null) {
            o.put("stddev", m.stddev());
        }
        if (m.n() != null) {
            o.put("n", m.n());
        }
        return o;
    }

    /** The JSON node of a core value. */
    public static JsonNode toNode(JsonValue v) {
        if (v instanceof JsonValue.JsonObject obj) {
            ObjectNode o = F.objectNode();
            obj.members().forEach((k, x) -> o.set(k, toNode(x)));
            return o;
        }
        if (v instanceof JsonValue.JsonArray arr) {
            ArrayNode a = F.arrayNode(arr.items().size());
            arr.items().forEach(x -> a.add(toNode(x)));
            return a;
        }
        if (v instanceof JsonValue.JsonString s) {
            return F.stringNode(s.value());
        }
        if (v instanceof JsonValue.JsonNumber num) {
            double d = num.value();
            // integral values are written without a fraction, as they were most likely read
            return d == Math.rint(d) && Math.abs(d) <= 9_007_199_254_740_991d && !isNegativeZero(d)
                    ? F.numberNode((long) d) : F.numberNode(d);
        }
        if (v instanceof JsonValue.JsonBoolean b) {
            return F.booleanNode(b.value());
        }
        return F.nullNode();
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

    private static boolean isNegativeZero(double d) {
        return d == 0 && Double.doubleToRawLongBits(d) != 0;
    }

    private static void putOpt(ObjectNode o, String name, @Nullable String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void putEnum(ObjectNode o, String name, @Nullable WireEnum value) {
        if (value != null) {
            o.put(name, value.wireName());
        }
    }
}
