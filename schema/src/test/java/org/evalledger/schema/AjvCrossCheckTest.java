package org.evalledger.schema;

import org.evalledger.testkit.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.evalledger.schema.internal.Documents;
import org.evalledger.schema.internal.SchemaCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An independent implementation, ajv (JSON Schema 2020-12, strict mode), must agree with ours on
 * which documents match record-v1.schema.json. Needs Node and {@code tools/ajv/node_modules}
 * ({@code npm ci --prefix tools/ajv}, which .ci/run does); skips without them on a developer
 * machine and fails under CI.
 */
class AjvCrossCheckTest {
    @TempDir
    Path dir;

    private static Path root() {
        return SharedData.repositoryRoot();
    }

    /** Edits of a golden record, each making it valid or invalid; FastPathAgreementTest uses them too. */
    static Map<String, Consumer<ObjectNode>> mutations() {
        Map<String, Consumer<ObjectNode>> m = new LinkedHashMap<>();
        m.put("unchanged", r -> { });
        m.put("no-recordId", r -> r.remove("recordId"));
        m.put("no-schema", r -> r.remove("schema"));
        m.put("other-schema", r -> r.put("schema", "https://evalledger.org/schemas/record/v2"));
        m.put("unknown-top-level", r -> r.put("score", 1));
        m.put("unknown-in-metric", r -> Docs.at(r, "/results/0/metrics/0").put("stderr_value", 0.1));
        m.put("string-value", r -> Docs.at(r, "/results/0/metrics/0").put("value", "0.5"));
        m.put("bad-benchmark", r -> Docs.at(r, "/results/0/task").put("benchmark", "MMLU"));
        m.put("offset-timestamp", r -> r.put("createdAt", "2026-06-13T09:30:00+00:00"));
        m.put("bad-relationship", r -> Docs.at(r, "/producer").put("relationship", "owner"));
        m.put("negative-fewshot", r -> Docs.at(r, "/results/0/task").put("fewShot", -1));
        m.put("fractional-fewshot", r -> Docs.at(r, "/results/0/task").put("fewShot", 1.5));
        m.put("integral-double-fewshot", r -> Docs.at(r, "/results/0/task").put("fewShot", 5.0));
        m.put("empty-seeds", r -> r.putObject("seeds"));
        m.put("empty-extensions", r -> r.putObject("extensions"));
        m.put("batch-size-word", r -> r.putObject("environment").put("batchSize", "large"));
        m.put("batch-size-auto", r -> r.putObject("environment").put("batchSize", "auto"));
        m.put("batch-size-zero", r -> r.putObject("environment").put("batchSize", 0));
        m.put("reasoning-number", r -> Docs.at(r, "/results/0/task").putObject("generation").put("reasoning", 3));
        m.put("ci-level-one", r -> Docs.at(r, "/results/0/metrics/0").putObject("confidenceInterval")
                .put("lower", 0).put("upper", 1).put("level", 1));
        m.put("huge-parameters", r -> Docs.at(r, "/model").put("parameters", 9_007_199_254_740_992L));
        m.put("bad-digest", r -> r.put("supersedes", "sha256:ABC"));
        m.put("no-metrics", r -> Docs.at(r, "/results/0").putArray("metrics"));
        m.put("uppercase-hex", r -> Docs.at(r, "/results/0").putArray("artifacts").addObject()
                .put("kind", "log").put("uri", "log.txt").put("sha256", "A".repeat(64)));
        return m;
    }

    @Test
    void ajvAndOurValidatorAgreeOnEveryDocument() throws Exception {
        Path ajv = root().resolve("tools/ajv");
        boolean ready = Files.isDirectory(ajv.resolve("node_modules/ajv")) && nodeWorks();
        if (!ready && SharedData.underCi()) {
            throw new AssertionError("ajv cross-check needs node and tools/ajv/node_modules under CI; run npm ci --prefix tools/ajv");
        }
        assumeTrue(ready, "node or tools/ajv/node_modules missing (npm ci --prefix tools/ajv): ajv cross-check skipped");

        JsonMapper mapper = JsonMapper.builder().build();
        List<String> files = new ArrayList<>();
        Map<String, Boolean> ours = new LinkedHashMap<>();
        for (String golden : Golden.NAMES) {
            for (Map.Entry<String, Consumer<ObjectNode>> m : mutations().entrySet()) {
                byte[] doc = Docs.edited(golden, m.getValue());
                Path file = dir.resolve(golden + "--" + m.getKey() + ".json");
                Files.write(file, doc);
                files.add(file.toString());
                ours.put(file.toString(), SchemaCheck.check(Documents.parseValue(doc, ParseLimits.DEFAULT), () -> Documents.parse(doc, ParseLimits.DEFAULT)).isEmpty());
            }
        }
        List<String> cmd = new ArrayList<>(List.of("node", ajv.resolve("check.js").toString(),
                root().resolve("schema/src/main/resources/org/evalledger/schema/record-v1.schema.json").toString()));
        cmd.addAll(files);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "ajv did not finish");
        assertEquals(0, p.exitValue(), err);

        Map<String, Boolean> theirs = new LinkedHashMap<>();
        for (JsonNode verdict : mapper.readTree(out)) {
            theirs.put(verdict.get("file").stringValue(), verdict.get("valid").booleanValue());
        }
        assertEquals(ours, theirs);
        // the mutations must exercise both verdicts, or the comparison proves little
        assertEquals(true, ours.containsValue(true) && ours.containsValue(false));
    }

    private static boolean nodeWorks() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
