package org.evalledger.anomaly;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Model;
import org.evalledger.core.Result;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;
import org.jspecify.annotations.Nullable;

/**
 * What a record contributes to detection: per benchmark the score comparable with the population
 * (the catalogue's metric at its n-shot), and the reasons other results could not be compared.
 */
record RecordScores(ModelScores scores, List<String> notComparable) {

    static RecordScores of(EvaluationRecord record, Catalogue catalogue) {
        Model model = record.model();
        ModelScores.Builder b = ModelScores.builder(model.id()).parameters(model.parameters()).parent(model.baseModel())
                .transition(model.derivation() == null ? null : Transition.of(model.derivation()))
                .asOf(instant(record.evaluatedAt() != null ? record.evaluatedAt() : record.createdAt()));
        List<String> notes = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Result r : record.results()) {
            Task task = r.task();
            String id = task.benchmark();
            if (seen.contains(id)) {
                continue; // a second result of one benchmark (another filter): the first one counts
            }
            Optional<Benchmark> entry = catalogue.find(id);
            Metric metric = null;
            if (entry.isPresent()) {
                Benchmark e = entry.get();
                for (Metric m : r.metrics()) {
                    if (e.metrics().contains(m.id())) {
                        metric = m;
                        break;
                    }
                }
                if (metric == null) {
                    notes.add(id + ": no " + String.join(" or ", e.metrics()) + " metric, so it is not compared with the population");
                    continue;
                }
                if (e.fewShot() != null && task.fewShot() != null && !e.fewShot().equals(task.fewShot())) {
                    notes.add(id + ": " + task.fewShot() + "-shot, the catalogue's comparable setting is " + e.fewShot() + "-shot");
                    continue;
                }
            } else {
                for (Metric m : r.metrics()) {
                    if (scale(m) && m.higherIsBetter()) {
                        metric = m;
                        break;
                    }
                }
                if (metric == null) {
                    notes.add(id + ": no higher-is-better proportion or percent metric");
                    continue;
                }
            }
            if (!scale(metric)) {
                notes.add(id + ": metric " + metric.id() + " is in " + metric.effectiveUnit().wireName() + ", not a 0-1 or 0-100 scale");
                continue;
            }
            Long n = metric.n() != null ? metric.n() : task.samples() != null ? Long.valueOf(task.samples().evaluated()) : null;
            Score s = new Score(metric.value(), metric.effectiveUnit(), metric.stderr() == null ? null : metric.stderr().value(),
                    n, metric.id(), !task.subtasks().isEmpty());
            b.score(id, s);
            seen.add(id);
        }
        return new RecordScores(b.build(), List.copyOf(notes));
    }

    private static boolean scale(Metric m) {
        MetricUnit u = m.effectiveUnit();
        return u == MetricUnit.PROPORTION || u == MetricUnit.PERCENT;
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        if (t == null) {
            return null;
        }
        try {
            return t.instant();
        } catch (DateTimeException e) {
            return null; // a timestamp naming no real time: validation reports it; here it only orders versions
        }
    }
}
