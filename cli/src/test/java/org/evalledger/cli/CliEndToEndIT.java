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
import tools.jackson.databind.node.ObjectNode;

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
        assertEquals(valid.json().get(0).get("digest").asString(), signed.json().get(0).get("digest").asString(),
                "sign's JSON names the digest of the record it signed");
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
    void aHubKeepsItsHistoryInALedgerAndAnyoneChecksAProofOffline() throws Exception {
        Path lmEval = SharedData.path("corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json");
        for (String[] k : List.of(new String[] {"lab", "ed25519"}, new String[] {"reviewer", "ed25519"}, new String[] {"hub", "ed25519"})) {
            assertEquals(0, run("keygen", "--algorithm", k[1], "--out", k[0]).exit());
        }
        Run imported = run("import", "--out", "records", "--producer", "Lab", "--created-at", "2026-06-13T09:30:00Z", "--format", "json",
                lmEval.toString());
        Path record = dir.resolve(imported.json().get(0).get("file").asString());
        Run signedText = run("sign", "--key", "lab.key", "--out", "signed.dsse.json", record.toString());
        assertEquals(0, signedText.exit(), signedText.err());
        assertEquals("signed.dsse.json", signedText.out().strip(), "sign's text output is the file it wrote");
        assertEquals(0, run("countersign", "--key", "reviewer.key", "--out", "counter.dsse.json", "signed.dsse.json").exit());
        assertEquals(0, run("trust", "add", "--policy", "trust.json", "--key", "lab.pub", "--owner", "Lab", "--role", "producer").exit());
        assertEquals(0, run("trust", "add", "--policy", "trust.json", "--key", "reviewer.pub", "--owner", "R", "--role", "verifier").exit());
        byte[] bad = Files.readAllBytes(dir.resolve("signed.dsse.json"));
        bad[bad.length / 2] ^= 1;
        Files.write(dir.resolve("bad.dsse.json"), bad);

        Run init = run("ledger", "init", "--db", "hub.db", "--origin", "hub.example.org/evalledger", "--key", "hub.key", "--format", "json");
        assertEquals(0, init.exit(), init.err());
        assertTrue(init.json().get("hubKey").asString().startsWith("hub.example.org/evalledger+"), init.out());
        Run again = run("ledger", "init", "--db", "hub.db", "--origin", "hub.example.org/evalledger", "--key", "hub.key");
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("EL-LEDGER-EXISTS"), again.err());

        Run append = run("ledger", "append", "--db", "hub.db", "--trust", "trust.json", "--format", "json", "signed.dsse.json",
                "counter.dsse.json", "signed.dsse.json", "bad.dsse.json");
        assertEquals(1, append.exit(), append.err());
        JsonNode a = append.json();
        assertEquals(List.of(0L, 1L, 0L), List.of(a.get(0).get("index").asLong(), a.get(1).get("index").asLong(), a.get(2).get("index").asLong()));
        assertEquals(List.of(true, true, false), List.of(a.get(0).get("new").asBoolean(), a.get(1).get("new").asBoolean(), a.get(2).get("new").asBoolean()));
        assertEquals("VERIFIED", a.get(1).get("status").asString());
        assertTrue(a.get(3).get("index").isNull() && a.get(3).get("refused").asString().startsWith("INVALID EL-SIG-"), a.get(3).toString());

        String model = Json.tree(Files.readAllBytes(record)).get("model").get("id").asString();
        Run history = run("ledger", "history", "--db", "hub.db", "--format", "json", model);
        assertEquals(0, history.exit(), history.err());
        JsonNode h = history.json();
        assertTrue(h.size() >= 2 && h.size() % 2 == 0, h.toString());
        JsonNode first = h.get(0);
        JsonNode upgraded = null;
        for (JsonNode row : h) {
            if (row.get("index").asLong() == 1 && row.get("series").equals(first.get("series"))) {
                upgraded = row;
            }
        }
        assertEquals("SELF_REPORTED", first.get("status").asString());
        assertEquals("VERIFIED", upgraded.get("status").asString(), "the countersigned copy shows as a status upgrade");
        assertEquals(0.0, upgraded.get("delta").asDouble());
        assertEquals(first.get("digest"), upgraded.get("digest"));

        Run cp = run("ledger", "checkpoint", "--db", "hub.db", "--format", "json");
        assertEquals(0, cp.exit(), cp.err());
        assertEquals(2, cp.json().get("treeSize").asLong());
        assertTrue(cp.json().get("note").asString().startsWith("hub.example.org/evalledger\n2\n"), cp.out());

        Run prove = run("ledger", "prove", "--db", "hub.db", "--index", "1", "--format", "json");
        assertEquals(0, prove.exit(), prove.err());
        Files.writeString(dir.resolve("proof.json"), prove.out());
        assertEquals(1, prove.json().get("proof").size());
        Run offline = run("ledger", "verify-proof", "--hub-key", "hub.pub", "--proof", "proof.json", "--envelope", "counter.dsse.json",
                "--format", "json");
        assertEquals(0, offline.exit(), offline.out() + offline.err());
        assertTrue(offline.json().get("ok").asBoolean());
        Run wrongEnvelope = run("ledger", "verify-proof", "--hub-key", "hub.pub", "--proof", "proof.json", "--envelope", "signed.dsse.json");
        assertEquals(1, wrongEnvelope.exit(), wrongEnvelope.out());
        Run wrongKey = run("ledger", "verify-proof", "--hub-key", "lab.pub", "--proof", "proof.json");
        assertEquals(1, wrongKey.exit(), wrongKey.out());
        Files.writeString(dir.resolve("forged.json"), prove.out().replace(prove.json().get("proof").get(0).asString(), "00".repeat(32)));
        Run forged = run("ledger", "verify-proof", "--hub-key", "hub.pub", "--proof", "forged.json");
        assertEquals(1, forged.exit(), forged.out());
        for (String notAProof : List.of("entry: not JSON", "{}", "{\"index\": 0, \"treeSize\": 1, \"entry\": \"e\", \"proof\": [\"zz\"]}")) {
            Files.writeString(dir.resolve("not-a-proof.json"), notAProof);
            Run notProof = run("ledger", "verify-proof", "--hub-key", "hub.pub", "--proof", "not-a-proof.json");
            assertEquals(2, notProof.exit(), notProof.err());
            assertTrue(notProof.err().startsWith("evalledger: not-a-proof.json is not a proof file of `ledger prove --format json`: "), notProof.err());
            assertEquals(1, notProof.err().lines().count(), "one line: " + notProof.err());
            assertFalse(notProof.err().contains("[Source:"), "Jackson's location text: " + notProof.err());
        }

        Run consistency = run("ledger", "consistency", "--db", "hub.db", "--from-size", "1", "--format", "json");
        assertEquals(0, consistency.exit(), consistency.err());
        assertEquals(2, consistency.json().get("toSize").asLong());
        assertEquals(cp.json().get("rootHash"), consistency.json().get("toRoot"));

        Run ok = run("ledger", "verify", "--db", "hub.db", "--format", "json");
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.json().get("ok").asBoolean());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"));
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE entries SET status = 'VERIFIED' WHERE idx = 0");
        }
        Run tampered = run("ledger", "verify", "--db", "hub.db", "--format", "json");
        assertEquals(1, tampered.exit(), tampered.out());
        assertEquals(0, tampered.json().get("firstBadIndex").asLong());

        Run missing = run("ledger", "history", "--db", "nothing-here.db", "some/model");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("evalledger: EL-LEDGER-NOT-FOUND"), missing.err());
        noStackTrace(missing);
    }

    @Test
    void historyWithAPopulationGivesEachStepItsVerdictAndReportsThePopulationsErrorsBeforeTheLedgers() throws Exception {
        String table = SharedData.path("corpus/leaderboards/open_llm_leaderboard_v1.csv").toString();
        Path lmEval = SharedData.path("corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json");
        assertEquals(0, run("keygen", "--algorithm", "ed25519", "--out", "lab").exit());
        assertEquals(0, run("keygen", "--algorithm", "ed25519", "--out", "hub").exit());
        assertEquals(0, run("trust", "add", "--policy", "trust.json", "--key", "lab.pub", "--owner", "Lab", "--role", "producer").exit());
        Run imported = run("import", "--out", "records", "--producer", "Lab", "--created-at", "2026-06-13T09:30:00Z", "--format", "json",
                lmEval.toString());
        Path record = dir.resolve(imported.json().get(0).get("file").asString());
        // two versions of one model's GSM8K score (a benchmark of the population's catalogue, at its
        // metric and n-shot), the second a few points higher
        ObjectNode v1 = (ObjectNode) Json.tree(Files.readAllBytes(record));
        String model = v1.get("model").get("id").asString();
        ObjectNode task = (ObjectNode) v1.get("results").get(0).get("task");
        task.put("benchmark", "gsm8k");
        task.put("fewShot", 5);
        ObjectNode v2 = v1.deepCopy();
        v2.put("recordId", v1.get("recordId").asString() + "-v2");
        ObjectNode metric = (ObjectNode) v2.get("results").get(0).get("metrics").get(0);
        metric.put("value", metric.get("value").asDouble() + 0.03);
        Files.write(dir.resolve("v1.json"), Json.bytes(v1));
        Files.write(dir.resolve("v2.json"), Json.bytes(v2));
        Run signed1 = run("sign", "--key", "lab.key", "--out", "v1.dsse.json", "v1.json");
        assertEquals(0, signed1.exit(), signed1.err());
        assertEquals(0, run("sign", "--key", "lab.key", "--out", "v2.dsse.json", "v2.json").exit());
        assertEquals(0, run("ledger", "init", "--db", "hub.db", "--origin", "hub.example.org/evalledger", "--key", "hub.key").exit());
        Run append = run("ledger", "append", "--db", "hub.db", "--trust", "trust.json", "v1.dsse.json", "v2.dsse.json");
        assertEquals(0, append.exit(), append.out() + append.err());

        Run plain = run("ledger", "history", "--db", "hub.db", "--format", "json", model);
        Run judged = run("ledger", "history", "--db", "hub.db", "--format", "json", "--population", table, model);
        assertEquals(0, judged.exit(), judged.err());
        assertEquals(plain.json().size(), judged.json().size());
        int jumps = 0;
        for (int i = 0; i < plain.json().size(); i++) {
            JsonNode p = plain.json().get(i);
            JsonNode j = judged.json().get(i);
            assertEquals(p.get("index"), j.get("index"));
            assertEquals(p.get("digest"), j.get("digest"));
            assertEquals(p.get("delta"), j.get("delta"));
            assertTrue(p.get("jump") == null, "no verdict without a population: " + p);
            if (j.get("jump") != null) {
                jumps++;
                assertTrue(j.get("jump").get("explanation").asString().length() > 0, j.toString());
            }
        }
        assertTrue(jumps > 0, "a step between two versions gets a verdict: " + judged.out());

        Run bothMissing = run("ledger", "history", "--db", "nothing-here.db", "--population", "no-such-population", model);
        assertEquals(2, bothMissing.exit());
        assertTrue(bothMissing.err().startsWith("evalledger: no such file or directory: no-such-population"), bothMissing.err());
        noStackTrace(bothMissing);
        Run ledgerMissing = run("ledger", "history", "--db", "nothing-here.db", "--population", table, model);
        assertEquals(2, ledgerMissing.exit());
        assertTrue(ledgerMissing.err().startsWith("evalledger: EL-LEDGER-NOT-FOUND"), ledgerMissing.err());
        Run populationBad = run("ledger", "history", "--db", "hub.db", "--population", "no-such-population", model);
        assertEquals(2, populationBad.exit());
        assertEquals("", populationBad.out(), "nothing printed before the population's error");
        assertTrue(populationBad.err().startsWith("evalledger: no such file or directory: no-such-population"), populationBad.err());
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
    void anAuditWhosePopulationCannotBeReadExitsTwoBeforeAnyOutputAndAfterTheTrustPolicysErrors() throws Exception {
        // the population is fitted while the uploads are listed and the policy read: its error must
        // still come after theirs, and before any line of output
        Files.writeString(dir.resolve("t.json"), "{\"keys\":[],\"threshold\":1,\"version\":1}");
        Files.writeString(dir.resolve("not-a-table.txt"), "not a table");
        Files.writeString(dir.resolve("u.json"), "{}");
        for (String format : List.of("text", "json")) {
            Run r = run("audit", "--trust", "t.json", "--population", "not-a-table.txt", "--format", format, "u.json");
            assertEquals(2, r.exit(), r.err());
            assertEquals("evalledger: population not-a-table.txt is neither a directory of records nor an Open LLM Leaderboard v1/v2 table",
                    r.err().strip());
            assertEquals("", r.out());
        }
        Run missingPolicy = run("audit", "--trust", "missing.json", "--population", "not-a-table.txt", "u.json");
        assertEquals(2, missingPolicy.exit());
        assertEquals("evalledger: no such file or directory: missing.json", missingPolicy.err().strip());
        Run missingUpload = run("audit", "--trust", "t.json", "--population", "not-a-table.txt", "missing.json");
        assertEquals(2, missingUpload.exit());
        assertEquals("evalledger: no such file or directory: missing.json", missingUpload.err().strip());
        noStackTrace(missingUpload);
    }

    @Test
    void aCheckWhosePopulationCannotBeReadExitsTwoBeforeAnyLineAboutItsInputs() throws Exception {
        // the population is fitted while the first input is read and validated: an invalid input's
        // line must still not come before the population's error, and a missing input's error first
        Files.writeString(dir.resolve("not-a-table.txt"), "not a table");
        Files.writeString(dir.resolve("invalid.json"), "{}");
        Run r = run("check", "--population", "not-a-table.txt", "invalid.json");
        assertEquals(2, r.exit(), r.err());
        assertEquals("evalledger: population not-a-table.txt is neither a directory of records nor an Open LLM Leaderboard v1/v2 table",
                r.err().strip());
        assertEquals("", r.out());
        Run missing = run("check", "--population", "not-a-table.txt", "missing.json");
        assertEquals(2, missing.exit());
        assertEquals("evalledger: no such file or directory: missing.json", missing.err().strip());
        noStackTrace(missing);
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
