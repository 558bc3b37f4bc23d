package org.evalledger.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link AnomalyReport#ORDER} against the comparator chain it replaced (kept here as the oracle). */
class ReportOrderTest {
    private static final Comparator<Finding> CHAIN = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::detector).thenComparing(Finding::benchmark).thenComparing(Finding::metric);

    @Provide
    Arbitrary<List<Finding>> findings() {
        Arbitrary<Finding> f = Combinators.combine(Arbitraries.of(DetectorId.class), Arbitraries.of(Severity.class),
                Arbitraries.of("mmlu", "gsm8k", "arc_challenge", "a,b", "MMLU", ""), Arbitraries.of("acc", "acc_norm", "score", ""),
                Arbitraries.integers().between(0, 1000))
                .as((d, s, b, m, i) -> new Finding(d, s, b, m, i, null, null, "finding " + i));
        return f.list().ofMaxSize(12);
    }

    /** The same order, ties kept in their original order (both sorts are stable). */
    @Property(tries = 2000)
    void sortsAsTheComparatorChain(@ForAll("findings") List<Finding> findings) {
        List<Finding> expected = new ArrayList<>(findings);
        expected.sort(CHAIN);
        assertEquals(expected, findings.stream().sorted(AnomalyReport.ORDER).toList());
        for (Finding a : findings) {
            for (Finding b : findings) {
                assertEquals(Integer.signum(CHAIN.compare(a, b)), Integer.signum(AnomalyReport.ORDER.compare(a, b)));
            }
        }
    }
}
