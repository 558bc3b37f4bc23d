package org.evalledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordCodec;
import org.evalledger.signing.Role;
import org.evalledger.signing.Signer;
import org.evalledger.signing.SigningKey;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.TrustedKey;

/**
 * Writes a corpus for measuring {@code audit} at scale: DIR/trust.json, DIR/population/ (the demo
 * population as 400 records) and DIR/uploads/ with N signed envelopes of demo models. Run by hand:
 * {@code java -cp cli/target/evalledger.jar:cli/target/test-classes org.evalledger.cli.ScaleCorpus DIR 20000}.
 */
public final class ScaleCorpus {
    private ScaleCorpus() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        SigningKey lab = DemoData.key(1);
        TrustPolicy.builder().add(TrustedKey.of(lab.publicKey(), "Demo Lab", Role.PRODUCER)).build().write(dir.resolve("trust.json"));
        RecordCodec codec = RecordCodec.standard();
        Path pop = Files.createDirectories(dir.resolve("population"));
        List<EvaluationRecord> population = DemoData.population();
        for (int i = 0; i < population.size(); i++) {
            Files.write(pop.resolve("record-" + i + ".json"), codec.write(population.get(i)));
        }
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Signer signer = Signer.of(lab);
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            long params = Math.round(Math.pow(10, 9 + r.nextDouble() * 1.85));
            double[] noise = new double[6];
            for (int b = 0; b < 6; b++) {
                noise[b] = 0.015 * r.nextGaussian();
            }
            EvaluationRecord rec = DemoData.record("scale:" + i, "demo-lab/model-" + i, params, DemoData.ability(params) + 0.06 * r.nextGaussian(),
                    noise, -1, 0);
            Files.write(uploads.resolve(String.format("%06d.dsse.json", i)), signer.sign(rec).toJson());
        }
    }
}
