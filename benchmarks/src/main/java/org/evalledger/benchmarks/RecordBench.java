package org.evalledger.benchmarks;

import java.util.concurrent.TimeUnit;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordCodec;
import org.evalledger.schema.RecordValidator;
import org.evalledger.schema.ValidationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Reading a record: strict parse + schema validation + semantic rules; JCS; digest. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordBench {
    /** small: one result; typical: six; large: 500. */
    @Param({"1", "6", "500"})
    public int results;

    private final RecordCodec codec = RecordCodec.standard();
    private final RecordValidator validator = RecordValidator.standard();
    private byte[] json;
    private EvaluationRecord record;

    @Setup
    public void setup() {
        record = Fixtures.record("org/model", 7_000_000_000L, 0.5, results, 1);
        json = codec.write(record);
    }

    @Benchmark
    public ValidationReport readAndValidate() {
        return validator.validate(json);
    }

    @Benchmark
    public EvaluationRecord strictRead() {
        return codec.read(json);
    }

    @Benchmark
    public byte[] canonicalJcs() {
        return codec.canonical(record);
    }

    @Benchmark
    public String digest() {
        return codec.digest(record);
    }
}
