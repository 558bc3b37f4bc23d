package org.evalledger.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.ImportResult;
import org.evalledger.interop.Importers;
import org.evalledger.signing.Algorithm;
import org.evalledger.signing.KeyFiles;
import org.evalledger.signing.Signer;
import org.evalledger.signing.SigningKey;

/**
 * A harness author turns lm-evaluation-harness output into signed envelopes: import the
 * {@code results_*.json}, sign each record with the lab's key, publish the envelopes next to the model.
 *
 * <p>Run: {@code HarnessAuthor results_2026-01-21T03-44-18.json out/}
 */
public final class HarnessAuthor {
    private HarnessAuthor() {}

    /** Imports, signs and writes; returns the envelope files. The key is created in {@code out} on first use. */
    public static List<Path> publish(Path results, Path out) throws Exception {
        Files.createDirectories(out);
        Path keyFile = out.resolve("lab.key");
        SigningKey key;
        if (Files.exists(keyFile)) {
            key = KeyFiles.readPrivate(keyFile);
        } else {
            key = SigningKey.generate(Algorithm.ED25519);
            KeyFiles.writePrivate(keyFile, key);                      // owner-only permissions, never overwritten
            KeyFiles.writePublic(out.resolve("lab.pub"), key.publicKey());
        }

        ImportResult imported = Importers.importFile(results, ImportOptions.defaults().withProducer("Example Lab"));
        imported.warnings().forEach(w -> System.out.println("import warning at " + w.path() + ": " + w.message()));

        Signer signer = Signer.of(key);
        List<Path> written = new ArrayList<>();
        for (EvaluationRecord record : imported.records()) {
            Path envelope = out.resolve(record.recordId().replaceAll("[^A-Za-z0-9._-]", "_") + ".dsse.json");
            Files.write(envelope, signer.sign(record).toJson());
            written.add(envelope);
            System.out.println("signed " + record.model().id() + " (" + record.results().size() + " results) -> " + envelope
                    + " with key " + key.publicKey().keyId());
        }
        return written;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: HarnessAuthor RESULTS_JSON OUT_DIR");
            System.exit(2);
        }
        publish(Path.of(args[0]), Path.of(args[1]));
    }
}
