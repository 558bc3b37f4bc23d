package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.evalledger.core.Derivation;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.junit.jupiter.api.Test;

/** Records in, reports out: what a record contributes and how its results are checked. */
class RecordCheckTest {

    private static EvaluationRecord record(String id, String model, String time, Result... results) {
        return EvaluationRecord.builder().recordId(id).createdAt(Timestamp.parse(time))
                .model(Model.builder(model).parameters(7_000_000_000L).baseModel("org/base").derivation(Derivation.FINETUNE).build())
                .producer(Producer.of("lab", Relationship.FIRST_PARTY, SourceType.EVALUATION_RUN))
                .results(List.of(results)).build();
    }

    private static Result arc(double accNorm, int fewShot) {
        return Result.of(Task.builder("arc_challenge").fewShot(fewShot).build(),
                List.of(Metric.of("acc", accNorm - 0.02, true), Metric.builder("acc_norm", accNorm, true)
                        .stderr(new Metric.Stderr(Math.sqrt(accNorm * (1 - accNorm) / 1171), null)).n(1172L).build()));
    }

    @Test
    void theCataloguesMetricAtItsNShotIsWhatIsCompared() {
        RecordScores rs = RecordScores.of(record("r1", "org/m", "2026-01-01T00:00:00Z", arc(1025.0 / 1172, 25)), Catalogue.defaults());
        Score s = rs.scores().scores().get("arc_challenge");
        assertEquals("acc_norm", s.metric());
        assertEquals(1025.0 / 1172, s.value());
        assertEquals(1172L, s.n());
        assertEquals(Transition.FINETUNE, rs.scores().transition());
        assertEquals("org/base", rs.scores().parent());
    }

    @Test
    void anotherNShotOrAMissingMetricIsNotComparedAndSaysWhy() {
        Result noMetric = Result.of(Task.of("mmlu"), List.of(Metric.of("acc_norm", 0.6, true)));
        RecordScores rs = RecordScores.of(record("r1", "org/m", "2026-01-01T00:00:00Z", arc(0.5, 0), noMetric), Catalogue.defaults());
        assertTrue(rs.scores().scores().isEmpty());
        assertTrue(rs.notComparable().get(0).contains("0-shot, the catalogue's comparable setting is 25-shot"), rs.notComparable().toString());
        assertTrue(rs.notComparable().get(1).contains("no acc metric"), rs.notComparable().toString());
    }

    @Test
    void aCleanRecordGetsNoFindings() {
        AnomalyReport r = AnomalyDetector.fit(Population.empty()).check(record("r1", "org/m", "2026-01-01T00:00:00Z", arc(1025.0 / 1172, 25)));
        assertTrue(r.findings().isEmpty(), r.findings().toString());
        assertEquals("org/m", r.modelId());
    }

    @Test
    void everyMetricOfARecordIsRangeChecked() {
        Result weird = Result.of(Task.of("house_eval"), List.of(Metric.builder("score", 140, true).unit(MetricUnit.PERCENT).build(),
                Metric.builder("latency", 3.5, false).unit(MetricUnit.SECONDS).build()));
        AnomalyReport r = AnomalyDetector.fit(Population.empty()).check(record("r1", "org/m", "2026-01-01T00:00:00Z", weird));
        List<Finding> r1 = r.findings(DetectorId.R1);
        assertEquals(1, r1.size(), r.findings().toString());
        assertEquals(Severity.ERROR, r1.get(0).severity());
        assertEquals("score", r1.get(0).metric());
    }

    @Test
    void recordsOfOneModelMergeAndTheirReEvaluationsAreVersions() {
        List<EvaluationRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String model = "org/m" + i;
            records.add(record("a" + i, model, "2026-01-01T00:00:00Z", arc(600.0 / 1172, 25)));
            records.add(record("b" + i, model, "2026-02-01T00:00:00Z", arc((600.0 + i % 3) / 1172, 25)));
        }
        Population p = Population.of(records);
        assertEquals(12, p.size());
        assertEquals(12, p.versionPairs().size());
        AnomalyDetector d = AnomalyDetector.fit(p);
        // a third evaluation of org/m0 that jumps 20 points: NEW_VERSION pairs move about 1 point
        AnomalyReport r = d.check(record("c0", "org/m0", "2026-03-01T00:00:00Z", arc(834.0 / 1172, 25)));
        Finding f = r.findings(DetectorId.S3).get(0);
        assertTrue(f.message().contains("earlier version"), f.message());
        assertTrue(f.message().contains("new_version pairs"), f.message());
    }

    @Test
    void thePopulationSaysWhichResultsItLeftOut() {
        Population p = Population.of(List.of(record("r1", "org/m", "2026-01-01T00:00:00Z", arc(0.5, 0))));
        assertEquals(0, p.size());
        assertTrue(p.notes().get(0).startsWith("r1: arc_challenge: 0-shot"), p.notes().toString());
    }
}
