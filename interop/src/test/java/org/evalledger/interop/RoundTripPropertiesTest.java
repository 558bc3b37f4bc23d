package org.evalledger.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.evalledger.core.Availability;
import org.evalledger.core.Derivation;
import org.evalledger.core.Environment;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.core.Harness;
import org.evalledger.core.Metric;
import org.evalledger.core.MetricUnit;
import org.evalledger.core.Model;
import org.evalledger.core.Producer;
import org.evalledger.core.Relationship;
import org.evalledger.core.Result;
import org.evalledger.core.SourceType;
import org.evalledger.core.StderrMethod;
import org.evalledger.core.Task;
import org.evalledger.core.Timestamp;

/**
 * record → EEE → record and record → model-index → record keep every field the target format can
 * hold (interop/README.md has the table), on arbitrary records.
 */
class RoundTripPropertiesTest {
    private static final ImportOptions OPTIONS =
            ImportOptions.defaults().withClock(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    @Provide
    Arbitrary<EvaluationRecord> records() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(-500, 500));
        Arbitrary<Metric> metric = Combinators.combine(word, value, Arbitraries.of(true, false), Arbitraries.of(MetricUnit.values()),
                Arbitraries.doubles().between(0, 0.1).injectNull(0.4), Arbitraries.of(StderrMethod.values()).injectNull(0.3),
                Arbitraries.longs().between(1, 100_000).injectNull(0.5))
                .as((id, v, hib, unit, se, method, n) -> Metric.builder(id, v, hib).unit(unit)
                        .stderr(se == null ? null : new Metric.Stderr(se, method)).n(n)
                        .range(n != null && n % 2 == 0 ? new Metric.Range(-1000.0, 1000.0) : null)
                        .stddev(n != null && n % 3 == 0 ? 0.25 : null).build());
        Arbitrary<Result> result = Combinators.combine(word, word.injectNull(0.5), Arbitraries.integers().between(0, 25).injectNull(0.3),
                metric.list().ofMinSize(1).ofMaxSize(3).uniqueElements(Metric::id), word.injectNull(0.6),
                Arbitraries.doubles().between(0, 2).injectNull(0.5), Arbitraries.integers().between(1, 4096).injectNull(0.5))
                .as((bench, name, shots, metrics, filter, temperature, maxTokens) -> Result.of(Task.builder("b_" + bench)
                        .name(name == null ? null : "Display " + name).fewShot(shots).filter(filter)
                        .dataset(shots != null && shots % 2 == 0 ? new Task.Dataset("org/" + bench, null, "test", null) : null)
                        .samples(shots != null && shots % 3 == 0 ? new Task.Samples(null, 100 + shots) : null)
                        .generation(temperature == null && maxTokens == null ? null
                                : new Task.Generation(temperature, null, null, maxTokens, List.of(), null, null))
                        .build(), metrics));
        return Combinators.combine(word, result.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(Relationship.values()),
                Arbitraries.of(SourceType.values()), Arbitraries.longs().between(0, 4_000_000_000L),
                Arbitraries.of(Derivation.values()).injectNull(0.5), Arbitraries.longs().between(1, 1L << 40).injectNull(0.5))
                .as((id, results, rel, src, seconds, derivation, params) -> EvaluationRecord.builder()
                        .recordId("run-" + id)
                        .createdAt(Timestamp.of(Instant.ofEpochSecond(seconds, (seconds % 1000) * 1000)))
                        .model(Model.builder("org/" + id).displayName(params == null ? null : "Model " + id).parameters(params)
                                .derivation(derivation).availability(derivation == null ? null : Availability.OPEN_WEIGHTS)
                                .dtype(params == null ? null : "bfloat16").build())
                        .producer(Producer.of("Lab " + id, rel, src))
                        .harness(params == null ? null : Harness.of("harness-" + id, "1.2." + (seconds % 10)))
                        .environment(derivation == null ? null : new Environment(null, null, null, "float16", null))
                        .seeds(seconds % 2 == 0 ? Map.of("random", seconds % 100) : Map.of())
                        .results(results)
                        .build());
    }

    /** What EEE holds, per metric (EEE has one entry per metric, so results are compared metric by metric). */
    private static List<Object> eeeView(EvaluationRecord r) {
        // an absent availability is exported as EEE's required "unknown"
        Model model = r.model().availability() == null ? r.model().toBuilder().availability(Availability.UNKNOWN).build() : r.model();
        List<Object> v = new ArrayList<>(List.of(r.recordId(), r.createdAt().instant(), model, r.producer(),
                Optional.ofNullable(r.harness()).map(h -> h.name() + " " + h.version()), Optional.ofNullable(r.environment())
                        .map(Environment::precision), r.seeds()));
        for (Result x : r.results()) {
            for (Metric m : x.metrics()) {
                v.add(List.of(x.task(), m));
            }
        }
        return v;
    }

    @Property(tries = 200)
    void recordToEeeToRecordKeepsEveryFieldEeeHolds(@ForAll("records") EvaluationRecord record) {
        EvaluationRecord back = Importers.importBytes(Exporters.toEee(record).content(), Optional.of(Format.EEE), OPTIONS)
                .records().get(0);
        assertEquals(eeeView(record), eeeView(back));
    }

    /**
     * What model-index holds: the model id and, per metric, the dataset id (or benchmark id), the
     * display name (or, without one, the benchmark id, which is what the format's dataset name then
     * carries), few-shot, split, the metric id, value and stderr value.
     */
    private static List<Object> modelIndexView(EvaluationRecord r) {
        List<Object> v = new ArrayList<>(List.of(r.model().id()));
        for (Result x : r.results()) {
            for (Metric m : x.metrics()) {
                v.add(List.of(x.task().dataset() == null ? x.task().benchmark() : x.task().dataset().id(),
                        Optional.ofNullable(x.task().name()).orElse(x.task().benchmark()), Optional.ofNullable(x.task().fewShot()),
                        Optional.ofNullable(x.task().dataset()).map(Task.Dataset::split), m.id(), m.value(),
                        Optional.ofNullable(m.stderr()).map(Metric.Stderr::value)));
            }
        }
        return v;
    }

    @Property(tries = 200)
    void recordToModelIndexToRecordKeepsEveryFieldModelIndexHolds(@ForAll("records") EvaluationRecord record) {
        EvaluationRecord back = Importers.importBytes(Exporters.toModelIndex(List.of(record)).content(),
                Optional.of(Format.MODEL_INDEX), OPTIONS).records().get(0);
        List<Object> expected = modelIndexView(record);
        List<Object> actual = modelIndexView(back);
        assertEquals(expected, actual);
    }
}
