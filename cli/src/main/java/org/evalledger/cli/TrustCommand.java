package org.evalledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.evalledger.signing.KeyException;
import org.evalledger.signing.KeyFiles;
import org.evalledger.signing.PolicyException;
import org.evalledger.signing.Role;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.TrustedKey;
import org.evalledger.signing.VerificationKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "trust", mixinStandardHelpOptions = true, description = "Edits a trust policy file.", subcommands = TrustCommand.Add.class)
final class TrustCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "trust needs a subcommand: add");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a key to the policy file, creating the file when it does not exist.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        FormatOption format;
        @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "Trust policy file.")
        Path policy;
        @Option(names = "--key", required = true, paramLabel = "PUB", description = "Public key file (SPKI PEM).")
        Path key;
        @Option(names = "--owner", required = true, paramLabel = "NAME", description = "Who holds the key.")
        String owner;
        @Option(names = "--role", required = true, paramLabel = "producer|verifier|hub", description = "Role of the key (repeatable).")
        List<String> roles;
        @Option(names = "--scope", paramLabel = "GLOB", description = "Model ids the key may speak for, e.g. EleutherAI/* (repeatable).")
        List<String> scope = new ArrayList<>();

        @Override
        public Integer call() {
            Set<Role> rs = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                rs.add(Role.fromWireName(r).orElseThrow(() -> new UsageException("--role must be producer, verifier or hub, got " + r)));
            }
            VerificationKey pub;
            try {
                if (!Files.isRegularFile(key)) {
                    throw new UsageException("no such key file: " + key);
                }
                pub = KeyFiles.readPublic(key);
            } catch (KeyException e) {
                throw new UsageException("cannot use key " + key + ": " + e.getMessage());
            }
            TrustPolicy.Builder b;
            try {
                b = Files.exists(policy) ? TrustPolicy.read(policy).toBuilder() : TrustPolicy.builder();
            } catch (PolicyException e) {
                throw new UsageException("cannot read policy " + policy + ": " + e.getMessage());
            }
            TrustedKey entry;
            try {
                entry = new TrustedKey(pub, owner, rs, null, null, null, scope);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            try {
                b.add(entry).build().write(policy);
            } catch (PolicyException e) {
                throw new UsageException("cannot write policy " + policy + ": " + e.getMessage());
            }
            Map<String, Object> m = Json.obj();
            m.put("policy", policy.toString());
            m.put("keyid", pub.keyId());
            m.put("owner", owner);
            m.put("roles", rs.stream().map(Role::wireName).toList());
            if (format.json()) {
                Json.print(spec.commandLine().getOut(), m);
            } else {
                spec.commandLine().getOut().println("trusted " + pub.keyId() + " (" + owner + ", " + String.join(", ", rs.stream().map(Role::wireName).toList())
                        + ") in " + policy);
            }
            return Main.OK;
        }
    }
}
