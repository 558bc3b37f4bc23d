package org.evalledger.anomaly;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every threshold of every detector, in one place; the defaults are ANOMALY.md's. Immutable and
 * thread-safe; change a value with {@link #toBuilder()}.
 *
 * <p>Severities: a value outside its metric's range is always {@link Severity#ERROR}; every other
 * finding takes its detector's severity from {@link #severity(DetectorId)}, by default
 * {@code warning} for R1–R4, S1–S4 and D1 and {@code info} for S5.
 */
public final class AnomalyConfig {
    private static final AnomalyConfig DEFAULTS = new Builder().build();

    final double r1ChanceSigmas;
    final double r3Low;
    final double r3High;
    final double r4ChanceSigmas;
    final double r4OtherAboveChance;
    final double s1Window;
    final double s1Z;
    final int s1MinPeers;
    final double s1MadFloor;
    final double s2Z;
    final double s2HuberK;
    final double s2Clip;
    final int s2MinModels;
    final int s2FitRowLimit;
    final double s2DropBelow;
    final int s2MaxMasked;
    final double s3Sigmas;
    final double s3Z;
    final int s3MinPairs;
    final double s3MadFloor;
    final double s4Z;
    final int s4MinModels;
    final double s5Rms;
    final int d1MinBenchmarks;
    private final Map<DetectorId, Severity> severities;

    private AnomalyConfig(Builder b) {
        r1ChanceSigmas = positive(b.r1ChanceSigmas, "r1ChanceSigmas");
        r3Low = positive(b.r3Low, "r3Low");
        r3High = positive(b.r3High, "r3High");
        if (r3Low >= 1 || r3High <= 1) {
            throw new IllegalArgumentException("R3 needs r3Low < 1 < r3High, got " + r3Low + " and " + r3High);
        }
        r4ChanceSigmas = positive(b.r4ChanceSigmas, "r4ChanceSigmas");
        r4OtherAboveChance = positive(b.r4OtherAboveChance, "r4OtherAboveChance");
        s1Window = positive(b.s1Window, "s1Window");
        s1Z = positive(b.s1Z, "s1Z");
        s1MinPeers = atLeast(b.s1MinPeers, 2, "s1MinPeers");
        s1MadFloor = positive(b.s1MadFloor, "s1MadFloor");
        s2Z = positive(b.s2Z, "s2Z");
        s2HuberK = positive(b.s2HuberK, "s2HuberK");
        s2Clip = positive(b.s2Clip, "s2Clip");
        if (s2Clip >= 0.5) {
            throw new IllegalArgumentException("s2Clip must be below 0.5, got " + s2Clip);
        }
        s2MinModels = atLeast(b.s2MinModels, 5, "s2MinModels");
        s2FitRowLimit = atLeast(b.s2FitRowLimit, 100, "s2FitRowLimit");
        s2DropBelow = positive(b.s2DropBelow, "s2DropBelow");
        s2MaxMasked = atLeast(b.s2MaxMasked, 0, "s2MaxMasked");
        s3Sigmas = positive(b.s3Sigmas, "s3Sigmas");
        s3Z = positive(b.s3Z, "s3Z");
        s3MinPairs = atLeast(b.s3MinPairs, 2, "s3MinPairs");
        s3MadFloor = positive(b.s3MadFloor, "s3MadFloor");
        s4Z = positive(b.s4Z, "s4Z");
        s4MinModels = atLeast(b.s4MinModels, 2, "s4MinModels");
        s5Rms = positive(b.s5Rms, "s5Rms");
        d1MinBenchmarks = atLeast(b.d1MinBenchmarks, 2, "d1MinBenchmarks");
        severities = Collections.unmodifiableMap(new EnumMap<>(b.severities));
    }

    private static double positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + v);
        }
        return v;
    }

    private static int atLeast(int v, int min, String name) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
        }
        return v;
    }

    /** ANOMALY.md's defaults. */
    public static AnomalyConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.r1ChanceSigmas = r1ChanceSigmas;
        b.r3Low = r3Low;
        b.r3High = r3High;
        b.r4ChanceSigmas = r4ChanceSigmas;
        b.r4OtherAboveChance = r4OtherAboveChance;
        b.s1Window = s1Window;
        b.s1Z = s1Z;
        b.s1MinPeers = s1MinPeers;
        b.s1MadFloor = s1MadFloor;
        b.s2Z = s2Z;
        b.s2HuberK = s2HuberK;
        b.s2Clip = s2Clip;
        b.s2MinModels = s2MinModels;
        b.s2FitRowLimit = s2FitRowLimit;
        b.s2DropBelow = s2DropBelow;
        b.s2MaxMasked = s2MaxMasked;
        b.s3Sigmas = s3Sigmas;
        b.s3Z = s3Z;
        b.s3MinPairs = s3MinPairs;
        b.s3MadFloor = s3MadFloor;
        b.s4Z = s4Z;
        b.s4MinModels = s4MinModels;
        b.s5Rms = s5Rms;
        b.d1MinBenchmarks = d1MinBenchmarks;
        b.severities.putAll(severities);
        return b;
    }

    /** The severity of a detector's findings (R1's out-of-range findings are always errors). */
    public Severity severity(DetectorId detector) {
        return severities.get(detector);
    }

    /** Builds an {@link AnomalyConfig}; every setter documents its default. Not thread-safe. */
    public static final class Builder {
        private double r1ChanceSigmas = 3;
        private double r3Low = 0.9;
        private double r3High = 1.1;
        private double r4ChanceSigmas = 3;
        private double r4OtherAboveChance = 20;
        private double s1Window = 0.15;
        private double s1Z = 3.5;
        private int s1MinPeers = 8;
        private double s1MadFloor = 0.5;
        private double s2Z = 3.5;
        private double s2HuberK = 1.345;
        private double s2Clip = 0.005;
        private int s2MinModels = 30;
        private int s2FitRowLimit = 5_000;
        private double s2DropBelow = 3.5;
        private int s2MaxMasked = 2;
        private double s3Sigmas = 3;
        private double s3Z = 3.5;
        private int s3MinPairs = 8;
        private double s3MadFloor = 0.5;
        private double s4Z = 3.5;
        private int s4MinModels = 8;
        private double s5Rms = 2.5;
        private int d1MinBenchmarks = 3;
        private final Map<DetectorId, Severity> severities = new EnumMap<>(DetectorId.class);

        private Builder() {
            for (DetectorId d : DetectorId.values()) {
                severities.put(d, d == DetectorId.S5 ? Severity.INFO : Severity.WARNING);
            }
        }

        /** R1: a score below chance − this × SE0 is flagged. Default 3. */
        public Builder r1ChanceSigmas(double v) {
            r1ChanceSigmas = v;
            return this;
        }

        /** R3: a single task's implied n̂ must lie in [low·n, high·n]. Defaults 0.9 and 1.1. */
        public Builder r3Band(double low, double high) {
            r3Low = low;
            r3High = high;
            return this;
        }

        /** R4: an easy benchmark at or below chance + this × SE0 ... Default 3. */
        public Builder r4ChanceSigmas(double v) {
            r4ChanceSigmas = v;
            return this;
        }

        /** R4: ... while another benchmark is at least this many points above its chance. Default 20. */
        public Builder r4OtherAboveChance(double points) {
            r4OtherAboveChance = points;
            return this;
        }

        /** S1: peers lie within ± this of the candidate's log10(parameters). Default 0.15. */
        public Builder s1Window(double v) {
            s1Window = v;
            return this;
        }

        /** S1: flag a modified z above this. Default 3.5. */
        public Builder s1Z(double v) {
            s1Z = v;
            return this;
        }

        /** S1: fewest peers to score a benchmark. Default 8. */
        public Builder s1MinPeers(int v) {
            s1MinPeers = v;
            return this;
        }

        /** S1: the peers' MAD is at least this many points. Default 0.5. */
        public Builder s1MadFloor(double points) {
            s1MadFloor = points;
            return this;
        }

        /** S2: flag a residual robust z above this. Default 3.5. */
        public Builder s2Z(double v) {
            s2Z = v;
            return this;
        }

        /** S2: Huber's tuning constant of the regressions. Default 1.345. */
        public Builder s2HuberK(double v) {
            s2HuberK = v;
            return this;
        }

        /** S2: chance-normalised scores are clipped to [this, 1 − this] before the logit. Default 0.005. */
        public Builder s2Clip(double v) {
            s2Clip = v;
            return this;
        }

        /** S2: fewest population models with a benchmark (and its predictors) to model it. Default 30. */
        public Builder s2MinModels(int v) {
            s2MinModels = v;
            return this;
        }

        /** S2: a regression is fitted on at most this many population rows (an even sample). Default 20,000. */
        public Builder s2FitRowLimit(int v) {
            s2FitRowLimit = v;
            return this;
        }

        /**
         * S2: a benchmark whose residual |z| exceeds this (the most extreme first) is masked: it keeps
         * its z and no longer predicts the model's other benchmarks, so that a broken run (GSM8K at 0)
         * or an inflated score does not distort the others. Default 3.5.
         */
        public Builder s2DropBelow(double v) {
            s2DropBelow = v;
            return this;
        }

        /**
         * S2: at most this many benchmarks of one model are masked (each masking needs regressions on
         * a new combination of predictors, fitted once per population and combination). Default 2;
         * on the v1 and v2 leaderboards more masking changes no figure.
         */
        public Builder s2MaxMasked(int v) {
            s2MaxMasked = v;
            return this;
        }

        /** S3: |Δ| must exceed this × √(s_new² + s_old²). Default 3. */
        public Builder s3Sigmas(double v) {
            s3Sigmas = v;
            return this;
        }

        /** S3: and |Δ − median Δ of the transition type| must exceed this × MAD / 0.6745. Default 3.5. */
        public Builder s3Z(double v) {
            s3Z = v;
            return this;
        }

        /** S3: fewest parent→child pairs of a type for its own median; fewer pools all types. Default 8. */
        public Builder s3MinPairs(int v) {
            s3MinPairs = v;
            return this;
        }

        /** S3: the MAD of a type's Δ is at least this many points. Default 0.5. */
        public Builder s3MadFloor(double points) {
            s3MadFloor = points;
            return this;
        }

        /** S4: flag a twin-gap robust z above this. Default 3.5. */
        public Builder s4Z(double v) {
            s4Z = v;
            return this;
        }

        /** S4: fewest reference models with both twins. Default 8. */
        public Builder s4MinModels(int v) {
            s4MinModels = v;
            return this;
        }

        /** S5: report an RMS of the S2 residual z's above this. Default 2.5. */
        public Builder s5Rms(double v) {
            s5Rms = v;
            return this;
        }

        /** D1: fewest benchmarks (with a value other than 0 or 100) that must be identical. Default 3. */
        public Builder d1MinBenchmarks(int v) {
            d1MinBenchmarks = v;
            return this;
        }

        /** The severity of a detector's findings. */
        public Builder severity(DetectorId detector, Severity severity) {
            severities.put(Objects.requireNonNull(detector, "detector"), Objects.requireNonNull(severity, "severity"));
            return this;
        }

        /** @throws IllegalArgumentException naming a threshold that is out of its range */
        public AnomalyConfig build() {
            return new AnomalyConfig(this);
        }
    }
}
