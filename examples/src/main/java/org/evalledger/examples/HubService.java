package org.evalledger.examples;

import java.util.ArrayList;
import java.util.List;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.anomaly.AnomalyReport;
import org.evalledger.anomaly.Finding;
import org.evalledger.anomaly.Population;
import org.evalledger.anomaly.Severity;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordValidator;
import org.evalledger.schema.ValidationReport;
import org.evalledger.signing.TrustPolicy;
import org.evalledger.signing.Verification;
import org.evalledger.signing.Verifier;

/**
 * A hub operator's upload endpoint: validation, verification and the anomaly check in one service
 * method. One instance serves all request threads: the validator, verifier and detector are
 * immutable and thread-safe, and the population is fitted once at start-up.
 */
public final class HubService {
    /** What the hub does with an upload, and why. */
    public record Decision(String action, List<String> reasons) {}

    private final RecordValidator validator = RecordValidator.standard();
    private final Verifier verifier;
    private final AnomalyDetector detector;

    public HubService(TrustPolicy policy, List<EvaluationRecord> knownResults) {
        this.verifier = Verifier.of(policy);
        this.detector = AnomalyDetector.fit(Population.of(knownResults));
    }

    /** Never throws for bad input: every upload gets a decision. */
    public Decision review(byte[] envelope) {
        Verification v = verifier.verify(envelope);
        List<String> reasons = new ArrayList<>();
        EvaluationRecord record;
        switch (v.status()) {
            case VERIFIED, SELF_REPORTED -> record = v.record();
            case UNTRUSTED -> {
                reasons.add("signed by a key we do not trust");
                record = v.unverifiedRecord().orElseThrow();           // the method name says the risk
            }
            default -> {
                return new Decision("REJECT", List.of(v.status() + ": " + v.reason().map(r -> r.code()).orElse("") + " " + v.message()));
            }
        }
        ValidationReport report = validator.validate(record);          // semantic rules on top of the signature
        if (!report.valid()) {
            report.errors().forEach(i -> reasons.add(i.toString()));
            return new Decision("REJECT", reasons);
        }
        AnomalyReport anomalies = detector.check(record);
        for (Finding f : anomalies.findings()) {
            if (f.severity().atLeast(Severity.WARNING)) {
                reasons.add(f.toString());
            }
        }
        return new Decision(reasons.isEmpty() ? "ACCEPT" : "REVIEW", reasons);
    }
}
