package org.evalledger.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LEDGER.md's crash test, run on SQLite ({@link SqliteCrashTest}) and PostgreSQL
 * ({@link PostgresCrashTest}): a separate JVM appends in a loop and is killed with SIGKILL at a
 * random moment, 50 times; after each kill every append that had returned is present with its
 * envelope, no partial entry is visible ({@code verify} passes), and the tree is consistent with
 * every checkpoint issued before the kill.
 */
abstract class LedgerCrashContract {
    @TempDir
    Path dir;

    /** A new, empty database of this store. */
    abstract String newDatabase();

    @Test
    void fiftySigkillsLoseNoAcknowledgedAppendAndLeaveNoPartialEntry() throws Exception {
        String db = newDatabase();
        Ledger.create(db, new Ledger.Setup("crash.test/log", CrashAppender.key(2).publicKey(), null, false)).close();
        String cp = String.join(File.pathSeparator, System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""));
        Map<Long, String> acked = new ConcurrentHashMap<>();
        Map<Long, String> checkpoints = new LinkedHashMap<>();
        Random random = new Random(20261122);
        int kills = 0;
        for (int run = 0; run < 50; run++) {
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                    "-Dslf4j.internal.verbosity=ERROR",
                    // sqlite-jdbc unpacks its native library per JVM and a killed JVM cannot remove it: here, not in /tmp
                    "-Dorg.sqlite.tmpdir=" + dir, CrashAppender.class.getName(), db, Integer.toString(run)))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process died mid-line: only complete lines count
                }
            });
            reader.start();
            // let it start and append for a while, then kill it wherever it is
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                synchronized (lines) {
                    if (!lines.isEmpty()) {
                        break;
                    }
                }
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(250));
            p.destroyForcibly(); // SIGKILL on Unix
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            reader.join(10_000);
            kills++;
            synchronized (lines) {
                for (String line : lines) {
                    String[] f = line.split(" ");
                    if (f[0].equals("ACK")) {
                        acked.put(Long.parseLong(f[1]), f[2]);
                    } else if (f[0].equals("CP")) {
                        checkpoints.put(Long.parseLong(f[1]), f[2]);
                    }
                }
            }
            try (Ledger l = Ledger.open(db)) {
                Ledger.VerifyResult v = l.verify();
                assertTrue(v.ok(), "after kill " + run + ": " + v);
                long size = l.size();
                for (Map.Entry<Long, String> a : acked.entrySet()) {
                    assertTrue(a.getKey() < size, "acknowledged entry " + a.getKey() + " lost (size " + size + ")");
                    String doc = new String(l.entry(a.getKey()).orElseThrow(), StandardCharsets.UTF_8);
                    assertTrue(doc.contains("\"envelopeSha256\":\"" + a.getValue() + "\""), "entry " + a.getKey() + " holds another envelope");
                }
                for (Map.Entry<Long, String> c : checkpoints.entrySet()) {
                    assertArrayEquals(HexFormat.of().parseHex(c.getValue()), l.root(c.getKey()), "checkpoint at " + c.getKey());
                }
            }
        }
        assertEquals(50, kills);
        assertTrue(acked.size() > 50, "appends acknowledged across the runs: " + acked.size());
    }
}
