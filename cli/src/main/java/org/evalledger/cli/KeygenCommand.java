package org.evalledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.KeyException;
import org.evalledger.signing.KeyFiles;
import org.evalledger.signing.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keygen", mixinStandardHelpOptions = true, description = "Generates a key pair: PREFIX.key (PKCS#8 PEM, owner-only) and PREFIX.pub (SPKI PEM); prints the key id.")
final class KeygenCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    FormatOption format;

    @Option(names = "--algorithm", required = true, paramLabel = "ed25519|ecdsa-p256", description = "Key algorithm.")
    String algorithm;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Path prefix of the two files.")
    String prefix;

    @Override
    public Integer call() {
        Algorithm alg = Algorithm.fromWireName(algorithm)
                .orElseThrow(() -> new UsageException("--algorithm must be ed25519 or ecdsa-p256, got " + algorithm));
        Path priv = Path.of(prefix + ".key");
        Path pub = Path.of(prefix + ".pub");
        for (Path p : new Path[] {priv, pub}) {
            if (Files.exists(p)) {
                throw new UsageException(p + " exists; keygen never overwrites a key");
            }
        }
        SigningKey key = SigningKey.generate(alg);
        try {
            KeyFiles.writePrivate(priv, key);
            KeyFiles.writePublic(pub, key.publicKey());
        } catch (KeyException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, Object> m = Json.obj();
        m.put("keyid", key.publicKey().keyId());
        m.put("algorithm", alg.wireName());
        m.put("privateKeyFile", priv.toString());
        m.put("publicKeyFile", pub.toString());
        if (format.json()) {
            Json.print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getOut().println(key.publicKey().keyId());
            spec.commandLine().getErr().println("wrote " + priv + " (keep it secret) and " + pub);
        }
        return Main.OK;
    }
}
