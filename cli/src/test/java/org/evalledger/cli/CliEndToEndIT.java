package org.evalledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.evalledger.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole command line through the real jar in a separate JVM, as a harness author and a hub
 * operator use it: keygen → import → validate → sign → countersign → trust add → verify → tamper →
 * verify → check → audit.
 */
class CliEndToEndIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return Json.tree(out.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", System.getProperty("evalledger.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Path out = dir.resolve(".out");
        Path err = dir.resolve(".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "evalledger " + String.join(" ", args) + " did not finish");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void noStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), r.err());
    }

    @Test
    void aHarnessAuthorAndAHubOperatorEndToEnd() throws Exception {
        Path lmEval = SharedData.path("corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json");
        Path table = SharedData.path("corpus/leaderboards/open_llm_leaderboard_v1.csv");

        Run lab = run("keygen", "--algorithm", "ed25519", "--out", "lab", "--format", "json");
        assertEquals(0, lab.exit(), lab.err());
        String labKeyId = lab.json().get("keyid").asString();
        assertTrue(labKeyId.matches("[0-9a-f]{64}"), labKeyId);
        assertTrue(Files.exists(dir.resolve("lab.key")) && Files.exists(dir.resolve("lab.pub")));
        Run reviewer = run("keygen", "--algorithm", "ecdsa-p256", "--out", "reviewer");
        assertEquals(0, reviewer.exit(), reviewer.err());

        Run imported = run("import", "--out", "records", "--producer", "Lab", "--created-at", "2026-06-13T09:30:00Z", "--format", "json",
                lmEval.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals("lm-eval", imported.json().get(0).get("format").asString());
        Path record = dir.resolve(imported.json().get(0).get("file").asString());

        Run valid = run("validate", "--format", "json", record.toString());
        assertEquals(0, valid.exit(), valid.out());
        assertTrue(valid.json().get(0).get("valid").asBoolean());

        Run signed = run("sign", "--key", "lab.key", "--out", "signed.dsse.json", "--format", "json", record.toString());
        assertEquals(0, signed.exit(), signed.err());
        assertEquals(labKeyId, signed.json().get(0).get("keyid").asString());
        Run counter = run("countersign", "--key", "reviewer.key", "--out", "counter.dsse.json", "signed.dsse.json");
        assertEquals(0, counter.exit(), counter.err());

        assertEquals(0, run("trust", "add", "--policy", "trust.json", "--key", "lab.pub", "--owner", "Lab", "--role", "producer").exit());
        Run trusted = run("trust", "add", "--policy", "trust.json", "--key", "reviewer.pub", "--owner", "Reviewers", "--role", "verifier",
                "--format", "json");
        assertEquals(0, trusted.exit(), trusted.err());
        assertEquals(List.of("verifier"), List.of(trusted.json().get("roles").get(0).asString()));

        Run verified = run("verify", "--trust", "trust.json", "--format", "json", "counter.dsse.json");
        assertEquals(0, verified.exit(), verified.out() + verified.err());
        assertEquals("VERIFIED", verified.json().get(0).get("status").asString());
        assertEquals(2, verified.json().get(0).get("signatures").size());
        Run selfReported = run("verify", "--trust", "trust.json", "signed.dsse.json");
        assertEquals(0, selfReported.exit());
        assertTrue(selfReported.out().startsWith("SELF_REPORTED"), selfReported.out());

        byte[] envelope = Files.readAllBytes(dir.resolve("counter.dsse.json"));
        String text = new String(envelope, StandardCharsets.UTF_8);
        int at = text.indexOf(':', text.indexOf("\"payload\"")) + 60;
        envelope[at] = (byte) (envelope[at] == 'A' ? 'B' : 'A');
        Files.write(dir.resolve("tampered.dsse.json"), envelope);
        Run invalid = run("verify", "--trust", "trust.json", "--format", "json", "tampered.dsse.json");
        assertEquals(1, invalid.exit());
        assertEquals("INVALID", invalid.json().get(0).get("status").asString());

        Run checked = run("check", "--population", table.toString(), "--format", "json", record.toString());
        assertTrue(checked.exit() == 0 || checked.exit() == 1, checked.err());
        JsonNode item = checked.json().get(0);
        assertTrue(item.get("suspicion").isNumber());
        assertTrue(item.get("findings").isArray() && item.get("skipped").isArray());

        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Files.copy(dir.resolve("counter.dsse.json"), uploads.resolve("a-verified.dsse.json"));
        Files.copy(dir.resolve("tampered.dsse.json"), uploads.resolve("b-tampered.dsse.json"));
        Files.writeString(uploads.resolve("c-broken.json"), "{\"schema\": ");
        Run unknown = run("keygen", "--algorithm", "ed25519", "--out", "stranger");
        assertEquals(0, unknown.exit());
        assertEquals(0, run("sign", "--key", "stranger.key", "--out", "uploads/d-untrusted.dsse.json", record.toString()).exit());
        Run audit = run("audit", "--trust", "trust.json", "--population", table.toString(), "--report", "audit.json", "--require", "verified",
                "uploads");
        assertEquals(1, audit.exit(), audit.err());
        JsonNode report = Json.tree(Files.readAllBytes(dir.resolve("audit.json")));
        Map<String, String> decisions = new TreeMap<>();
        for (JsonNode u : report.get("uploads")) {
            decisions.put(Path.of(u.get("file").asString()).getFileName().toString(), u.get("decision").asString());
        }
        assertEquals("REJECT", decisions.get("b-tampered.dsse.json"));
        assertEquals("REJECT", decisions.get("c-broken.json"));
        assertEquals("REVIEW", decisions.get("d-untrusted.dsse.json"));
        String verifiedDecision = decisions.get("a-verified.dsse.json");
        JsonNode verifiedItem = report.get("uploads").get(0);
        assertEquals("VERIFIED", verifiedItem.get("verification").get("status").asString());
        boolean flagged = false;
        for (JsonNode f : verifiedItem.get("anomalies").get("findings")) {
            flagged |= !f.get("severity").asString().equals("info");
        }
        assertEquals(flagged ? "REVIEW" : "ACCEPT", verifiedDecision, verifiedItem.toString());
        assertEquals(2, report.get("summary").get("reject").asInt());
        assertTrue(audit.out().contains("REJECT") && audit.out().contains("uploads/s"), audit.out());
    }

    @Test
    void theDemoShowsAllSixDecisions() throws Exception {
        Run demo = run("demo");
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        for (String line : List.of("1-verified.dsse.json", "2-self-reported.dsse.json", "3-untrusted.dsse.json", "4-tampered.dsse.json",
                "5-anomalous.dsse.json", "6-malformed.json")) {
            assertTrue(demo.out().contains(line), line);
        }
        assertFalse(demo.out().contains("UNEXPECTED"), demo.out());
        assertEquals("", demo.err().strip());
    }

    @Test
    void usageErrorsAndUnreadableInputsExitTwoWithOneLine() throws Exception {
        for (String[] args : List.of(new String[] {"verify", "--trust", "missing.json", "x.dsse.json"},
                new String[] {"validate", "does-not-exist.json"}, new String[] {"no-such-command"},
                new String[] {"keygen", "--algorithm", "rsa", "--out", "k"}, new String[] {"sign", "--key", "nokey.key", "x.json"},
                new String[] {"audit", "--trust", "t.json"}, new String[0])) {
            Run r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            noStackTrace(r);
            assertTrue(r.err().startsWith("evalledger: "), r.err());
        }
    }

    @Test
    void anInternalErrorExitsThreeWithWhereToReportIt() throws Exception {
        Run r = run("internal-error-test");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("internal error") && r.err().contains(Main.REPORT_BUGS), r.err());
        noStackTrace(r);
    }

    @Test
    void invalidInputExitsOneAndSaysWhy() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "[1, 2");
        Run r = run("validate", "bad.json");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("INVALID") && r.out().contains("EL-PARSE-"), r.out());
        noStackTrace(r);
    }
}
