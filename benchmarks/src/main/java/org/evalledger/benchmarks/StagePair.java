package org.evalledger.benchmarks;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * One stage of the audit path timed for two builds side by side in one JVM: each benchmarks jar
 * in a class loader of its own, the two timed in alternating bursts, so that both see the same
 * second of this noisy machine; prints the median of the per-round time ratios (B over A). A third
 * side, A again in a loader of its own (A'), is timed alike: A'/A is what the harness reads for no
 * change at all (0.90-0.96 was seen with two loaders of one jar), so a B/A counts only beside it. For
 * changes too small for {@link InterleavedAudit} or JMH to tell apart from the noise (about ±7%
 * between neighbouring bursts here). The stages, over {@link AuditBench}'s 4,096 uploads:
 * {@code parse} (the payload's {@code StrictJson.read}), {@code validate} (its predicate's
 * {@code RecordValidator.validate(Document)}), {@code envelope} ({@code Envelope.parse}),
 * {@code check} (the anomaly check of its record against the bench's fitted population) and
 * {@code audit} (the whole {@link AuditBench#auditOneThread}).
 *
 * <pre>{@code
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar org.evalledger.benchmarks.StagePair A.jar B.jar validate 100 1000
 * }</pre>
 *
 * <p>Arguments: the two jars (copies of {@code benchmarks/target/benchmarks.jar} built from the
 * two commits), the stage, the rounds and the calls per burst. Reflection, not a shared type,
 * reaches each jar's classes. Run by hand; not a test.
 */
public final class StagePair {
    private static volatile Object sink;

    private StagePair() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: StagePair A.jar B.jar parse|validate|envelope|check|audit ROUNDS BURST");
            System.exit(2);
        }
        String stage = args[2];
        int rounds = Integer.parseInt(args[3]);
        int burst = Integer.parseInt(args[4]);
        // A, B, and A again in a loader of its own: A'/A is the harness's own spread, the control for B/A
        @SuppressWarnings("unchecked")
        IntFunction<Object>[] side = new IntFunction[] {stage(args[0], stage), stage(args[1], stage), stage(args[0], stage)};
        int[] at = new int[side.length];
        for (int w = 0; w < 30; w++) { // warm all up alike
            for (int j = 0; j < side.length; j++) {
                for (int i = 0; i < burst; i++) {
                    sink = side[j].apply(at[j]++);
                }
            }
        }
        double[][] us = new double[side.length][rounds];
        double[] ratio = new double[rounds];
        double[] control = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < side.length; k++) {
                int j = ORDERS[r % ORDERS.length][k]; // every side in every place, as often
                long t0 = System.nanoTime();
                for (int i = 0; i < burst; i++) {
                    sink = side[j].apply(at[j]++);
                }
                us[j][r] = (System.nanoTime() - t0) / 1e3 / burst;
            }
            ratio[r] = us[1][r] / us[0][r];
            control[r] = us[2][r] / us[0][r];
        }
        for (double[] t : new double[][] {ratio, control, us[0], us[1]}) {
            Arrays.sort(t);
        }
        System.out.printf(Locale.ROOT, "%s: B/A time median %.4f (quartiles %.4f-%.4f); A'/A %.4f (%.4f-%.4f), the control;"
                + " A %.2f us, B %.2f us (medians of %d rounds)%n", stage, ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4],
                control[rounds / 2], control[rounds / 4], control[3 * rounds / 4], us[0][rounds / 2], us[1][rounds / 2], rounds);
    }

    /** The six orders of the three sides, taken in turn. */
    private static final int[][] ORDERS = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {0, 2, 1}, {2, 1, 0}, {1, 0, 2}};

    /** The stage of one jar, called with an ever-growing counter that picks the upload. */
    private static IntFunction<Object> stage(String jar, String stage) throws Exception {
        ClassLoader cl = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> benchType = cl.loadClass(AuditBench.class.getName());
        Object bench = benchType.getConstructor().newInstance();
        benchType.getMethod("setup").invoke(bench);
        Field f = benchType.getDeclaredField("envelopes");
        f.setAccessible(true);
        byte[][] envelopes = (byte[][]) f.get(bench);
        Class<?> envelopeType = cl.loadClass("org.evalledger.signing.Envelope");
        Method parse = envelopeType.getMethod("parse", byte[].class);
        Method payload = envelopeType.getMethod("payload");
        Class<?> strictJson = cl.loadClass("org.evalledger.schema.StrictJson");
        Class<?> limitsType = cl.loadClass("org.evalledger.schema.ParseLimits");
        Object limits = limitsType.getField("DEFAULT").get(null);
        Method read = strictJson.getMethod("read", byte[].class, limitsType);
        Method member = cl.loadClass("org.evalledger.schema.StrictJson$Document").getMethod("member", String.class);
        Class<?> validatorType = cl.loadClass("org.evalledger.schema.RecordValidator");
        Object validator = validatorType.getMethod("standard").invoke(null);
        Method validate = validatorType.getMethod("validate", member.getDeclaringClass());
        Method recordOf = cl.loadClass("org.evalledger.schema.ValidationReport").getMethod("record");
        Method detectorOf = benchType.getDeclaredMethod("detector");
        detectorOf.setAccessible(true);
        Object detector = detectorOf.invoke(bench);
        Method check = detector.getClass().getMethod("check", cl.loadClass("org.evalledger.core.EvaluationRecord"));
        byte[][] payloads = new byte[envelopes.length][];
        Object[] predicates = new Object[envelopes.length];
        Object[] records = new Object[envelopes.length];
        for (int i = 0; i < envelopes.length; i++) {
            payloads[i] = (byte[]) payload.invoke(parse.invoke(null, (Object) envelopes[i]));
            predicates[i] = ((Optional<?>) member.invoke(read.invoke(null, payloads[i], limits), "predicate")).orElseThrow();
            records[i] = ((Optional<?>) recordOf.invoke(validate.invoke(validator, predicates[i]))).orElseThrow();
        }
        Class<?> cursorType = cl.loadClass(AuditBench.Cursor.class.getName());
        Constructor<?> cursorNew = cursorType.getDeclaredConstructor();
        cursorNew.setAccessible(true);
        Object cursor = cursorNew.newInstance();
        Method audit = benchType.getMethod("auditOneThread", cursorType);
        int mask = envelopes.length - 1; // 4,096 uploads
        return switch (stage) {
            case "parse" -> i -> call(read, null, payloads[i & mask], limits);
            case "validate" -> i -> call(validate, validator, predicates[i & mask]);
            case "envelope" -> i -> call(parse, null, (Object) envelopes[i & mask]);
            case "check" -> i -> call(check, detector, records[i & mask]);
            case "audit" -> i -> call(audit, bench, cursor);
            default -> throw new IllegalArgumentException("no stage " + stage + "; parse, validate, envelope, check or audit");
        };
    }

    private static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
