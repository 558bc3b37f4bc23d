package org.evalledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM options the {@code ./evalledger} launcher chooses, read off its own trace ({@code bash -x})
 * of the {@code exec java …} line: the parallel collector unless {@code EVALLEDGER_JAVA_OPTS} names
 * another, its young generation capped at 256 MB unless the options size the heap or the machine has
 * under 4 GB, and the user's options after the launcher's, so that they win.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("evalledger.root"), "evalledger");
    private static final Pattern EXEC = Pattern.compile("(?m)^\\+ exec java (.*) -jar \\S+ --version$");
    /** The line {@code --version} prints (the trace's lines all start with {@code +}). */
    private static final Pattern VERSION = Pattern.compile("(?m)^evalledger \\S+$");

    /** The options between {@code java} and {@code -jar} with which the launcher ran {@code --version}. */
    private static String options(String javaOpts) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-x", LAUNCHER.toString(), "--version").redirectErrorStream(true);
        pb.environment().remove("EVALLEDGER_JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("EVALLEDGER_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(VERSION.matcher(out).find(), "no version line in: " + out);
        Matcher m = EXEC.matcher(out);
        assertTrue(m.find(), "no exec line in the launcher's trace: " + out);
        return m.group(1);
    }

    /** The memory the launcher sees: the machine's, or a container's limit below it (kB). */
    private static long memoryKb() throws IOException {
        long kb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        for (String limit : List.of("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")) {
            Path f = Path.of(limit);
            if (Files.isReadable(f)) {
                String v = Files.readString(f).strip();
                if (v.matches("\\d{1,18}")) {
                    kb = Math.min(kb, Long.parseLong(v) / 1024);
                }
            }
        }
        return kb;
    }

    @Test
    void byDefaultTheParallelCollectorWithItsYoungGenerationCappedOnAMachineOfFourGigabytesOrMore() throws Exception {
        String expected = memoryKb() >= 4L * 1024 * 1024 ? "-XX:+UseParallelGC -XX:MaxNewSize=256m" : "-XX:+UseParallelGC";
        assertEquals(expected, options(null));
    }

    @Test
    void optionsThatSizeTheHeapLeaveTheYoungGenerationToTheJvm() throws Exception {
        // a cap above a small heap would make the JVM print a warning; the user's sizes decide instead
        assertEquals("-XX:+UseParallelGC -Xmx256m", options("-Xmx256m"));
        assertEquals("-XX:+UseParallelGC -Xmn64m", options("-Xmn64m"));
        assertEquals("-XX:+UseParallelGC -XX:MaxHeapSize=300m", options("-XX:MaxHeapSize=300m"));
        assertEquals("-XX:+UseParallelGC -XX:MaxRAMPercentage=50", options("-XX:MaxRAMPercentage=50"));
    }

    @Test
    void anotherCollectorNamedInTheOptionsReplacesBothDefaults() throws Exception {
        assertEquals("-XX:+UseG1GC", options("-XX:+UseG1GC"));
    }

    @Test
    void otherOptionsComeAfterTheDefaultsSoThatTheyWin() throws Exception {
        String defaults = options(null);
        assertEquals(defaults + " -XX:TieredStopAtLevel=1", options("-XX:TieredStopAtLevel=1"));
    }
}
