package org.evalledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evalledger.signing.PolicyException;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.Verification;
import org.evalledger.signing.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verifies envelopes against a trust policy: VERIFIED, SELF_REPORTED, UNTRUSTED, REVOKED or INVALID.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;
    @Option(names = "--trust", required = true, paramLabel = "POLICY", description = "Trust policy file.")
    Path trust;
    @Option(names = "--at", paramLabel = "TIME", description = "RFC 3339 time to verify at (default: now).")
    String at;
    @Parameters(paramLabel = "ENVELOPE", arity = "1..*", description = "Envelope files, or directories of them.")
    List<Path> files;

    static Verifier verifier(Path trust) {
        Inputs.expand(List.of(trust), false);
        try {
            return Verifier.of(TrustPolicy.read(trust));
        } catch (PolicyException e) {
            throw new UsageException("cannot use trust policy " + trust + ": " + e.getMessage());
        }
    }

    static Instant time(String at) {
        try {
            return at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new UsageException("--at must be an RFC 3339 UTC time such as 2026-06-13T09:30:00Z, got " + at);
        }
    }

    @Override
    public Integer call() {
        Verifier verifier = verifier(trust);
        Instant when = time(at);
        List<Object> items = new ArrayList<>();
        int exit = Main.OK;
        PrintWriter out = spec.commandLine().getOut();
        for (Path f : Inputs.expand(files, true)) {
            Verification v = Uploads.verify(Inputs.read(f), verifier, when);
            items.add(Uploads.verificationItem(f, v));
            if (!v.status().trusted()) {
                exit = Main.FAILED;
            }
            if (!format.json()) {
                out.printf("%-14s %s%s%n", v.status(), f, v.reason().map(r -> "  " + r.code() + ": " + v.message()).orElse(""));
            }
        }
        if (format.json()) {
            Json.print(out, items);
        }
        return exit;
    }
}
