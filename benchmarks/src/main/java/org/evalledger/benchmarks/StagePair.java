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
 * second of this noisy machine; prints the median of the per-round time ratios (B over A). For
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
        @SuppressWarnings("unchecked")
        IntFunction<Object>[] side = new IntFunction[] {stage(args[0], stage), stage(args[1], stage)};
        int[] at = new int[2];
        for (int w = 0; w < 30; w++) { // warm both up alike
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < burst; i++) {
                    sink = side[j].apply(at[j]++);
                }
            }
        }
        double[] ratio = new double[rounds];
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long[] t = new long[2];
            for (int k = 0; k < 2; k++) {
                int j = k ^ (r & 1); // each side first in every other round
                long t0 = System.nanoTime();
                for (int i = 0; i < burst; i++) {
                    sink = side[j].apply(at[j]++);
                }
                t[j] = System.nanoTime() - t0;
            }
            a[r] = t[0] / 1e3 / burst;
            b[r] = t[1] / 1e3 / burst;
            ratio[r] = b[r] / a[r];
        }
        Arrays.sort(ratio);
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf(Locale.ROOT, "%s: B/A time median %.4f (quartiles %.4f-%.4f); A %.2f us, B %.2f us (medians of %d rounds)%n",
                stage, ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4], a[rounds / 2], b[rounds / 2], rounds);
    }

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
