package org.evalledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.Population;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordCodec;
import org.evalledger.schema.RecordValidator;
import org.evalledger.signing.Role;
import org.evalledger.signing.Signer;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.Status;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.TrustedKey;
import org.evalledger.signing.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs audit on demo uploads and a demo population that ship inside the jar (no set-up), and explains each decision.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;

    private record Case(String file, Auditor.Decision expected, String meaning) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("evalledger-demo");
        try {
            SigningKey lab = DemoData.key(1);
            SigningKey reviewer = DemoData.key(2);
            SigningKey stranger = DemoData.key(3);
            TrustPolicy policy = TrustPolicy.builder()
                    .add(new TrustedKey(lab.publicKey(), "Demo Lab", java.util.Set.of(Role.PRODUCER), null, null, null, List.of("demo-lab/*")))
                    .add(TrustedKey.of(reviewer.publicKey(), "Independent Reviewers", Role.VERIFIER)).build();
            Path uploads = Files.createDirectories(dir.resolve("uploads"));
            long params = 13_000_000_000L;
            double a = DemoData.ability(params);
            EvaluationRecord good = DemoData.record("demo-lab:model-a:2026-06-13", "demo-lab/model-a", params, a, DemoData.noNoise(), -1, 0);
            EvaluationRecord second = DemoData.record("demo-lab:model-b:2026-06-13", "demo-lab/model-b", params, a, DemoData.noNoise(), -1, 0);
            EvaluationRecord third = DemoData.record("demo-lab:model-c:2026-06-13", "demo-lab/model-c", params, a, DemoData.noNoise(), -1, 0);
            EvaluationRecord inflated = DemoData.record("demo-lab:model-d:2026-06-13", "demo-lab/model-d", params, a, DemoData.noNoise(),
                    DemoData.mmlu(), 0.25);
            Signer labSigner = Signer.of(lab);
            write(uploads.resolve("1-verified.dsse.json"), Signer.of(reviewer).countersign(labSigner.sign(good)).toJson());
            write(uploads.resolve("2-self-reported.dsse.json"), labSigner.sign(second).toJson());
            write(uploads.resolve("3-untrusted.dsse.json"), Signer.of(stranger).sign(third).toJson());
            byte[] tampered = labSigner.sign(good).toJson();
            tamper(tampered);
            write(uploads.resolve("4-tampered.dsse.json"), tampered);
            write(uploads.resolve("5-anomalous.dsse.json"), labSigner.sign(inflated).toJson());
            byte[] record = RecordCodec.standard().write(good);
            write(uploads.resolve("6-malformed.json"), java.util.Arrays.copyOf(record, record.length / 2));

            List<Case> cases = List.of(
                    new Case("1-verified.dsse.json", Auditor.Decision.ACCEPT,
                            "signed by the trusted producer and countersigned by an independent verifier: VERIFIED, and it fits the population"),
                    new Case("2-self-reported.dsse.json", Auditor.Decision.ACCEPT,
                            "signed by the trusted producer only: SELF_REPORTED, enough for the default --require self-reported"),
                    new Case("3-untrusted.dsse.json", Auditor.Decision.REVIEW,
                            "a valid signature by a key the policy does not know: UNTRUSTED, so a person must look"),
                    new Case("4-tampered.dsse.json", Auditor.Decision.REJECT,
                            "one byte of the signed payload was changed after signing: the signature fails, INVALID"),
                    new Case("5-anomalous.dsse.json", Auditor.Decision.REVIEW,
                            "properly signed, but MMLU sits 25 points above what its other benchmarks and its size predict"),
                    new Case("6-malformed.json", Auditor.Decision.REJECT,
                            "a record cut off half-way: not JSON, rejected with a parse error code"));

            AnomalyDetector detector = AnomalyDetector.fit(Population.of(DemoData.population()));
            Auditor auditor = new Auditor(RecordValidator.standard(), Verifier.of(policy), detector, Status.SELF_REPORTED, null);
            List<Path> files = AuditRun.list(List.of(uploads));
            Map<String, Auditor.Outcome> outcomes = new LinkedHashMap<>();
            if (!format.json()) {
                out.println("EvalLedger demo: a hub audits six uploads against a trust policy (Demo Lab may publish for");
                out.println("demo-lab/*; Independent Reviewers countersign) and a population of 400 models.");
                out.println();
            }
            AuditRun.run(files, uploads, auditor, out, spec.commandLine().getErr(), format.json(), null, false,
                    (i, o) -> outcomes.put(o.file().getFileName().toString(), o));
            boolean allAsExpected = true;
            if (!format.json()) {
                out.println();
                out.println("What each line means:");
            }
            for (Case c : cases) {
                Auditor.Outcome o = outcomes.get(c.file());
                boolean ok = o != null && o.decision() == c.expected();
                allAsExpected &= ok;
                if (!format.json()) {
                    out.printf("  %-26s %-6s %s%s%n", c.file(), o == null ? "-" : o.decision(), c.meaning(),
                            ok ? "" : "  (UNEXPECTED: the demo expected " + c.expected() + ")");
                }
            }
            if (!format.json()) {
                List<String> detail = new ArrayList<>();
                Auditor.Outcome anomalous = outcomes.get("5-anomalous.dsse.json");
                if (anomalous != null && anomalous.item() != null && anomalous.item().get("anomalies") instanceof Map<?, ?> an
                        && an.get("findings") instanceof List<?> fs) {
                    for (Object f : fs) {
                        if (f instanceof Map<?, ?> fm) {
                            detail.add("    " + fm.get("detector") + " " + fm.get("severity") + " " + fm.get("benchmark") + ": " + fm.get("message"));
                        }
                    }
                }
                if (!detail.isEmpty()) {
                    out.println();
                    out.println("The evidence for 5-anomalous.dsse.json:");
                    detail.forEach(out::println);
                }
                out.println();
                out.println("Try it on your own files: evalledger audit --trust POLICY --population PATH UPLOAD...");
            }
            return allAsExpected ? Main.OK : Main.INTERNAL;
        } finally {
            deleteTree(dir);
        }
    }

    /** Flips one byte inside the base64 payload (a character that stays valid base64). */
    private static void tamper(byte[] envelope) {
        String s = new String(envelope, StandardCharsets.UTF_8);
        int p = s.indexOf("\"payload\"");
        int q = s.indexOf('"', s.indexOf(':', p) + 1) + 40;
        envelope[q] = (byte) (envelope[q] == 'A' ? 'B' : 'A');
    }

    private static void write(Path p, byte[] bytes) throws IOException {
        Files.write(p, bytes);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

}
