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
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options the {@code ./evalledger} launcher chooses, read off its own trace ({@code bash -x})
 * of the {@code exec java …} line: the parallel collector unless {@code EVALLEDGER_JAVA_OPTS} names
 * another, its young generation at 256 MB from the start unless the options size the heap or the machine has
 * under 4 GB, C1 alone except for {@code ledger verify} and an {@code audit} or a {@code ledger
 * append} of more than 20,000 files unless the options name the JIT, the build's class-data archive
 * when it is newer than the jar and stamped for it and this {@code java}, and the user's options
 * after the launcher's, so that they win.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("evalledger.root"), "evalledger");
    /** The line {@code --version} prints (the trace's lines all start with {@code +}). */
    private static final Pattern VERSION = Pattern.compile("(?m)^evalledger \\S+$");

    /** The options between {@code java} and {@code -jar} with which the launcher ran {@code --version}. */
    private static String options(String javaOpts) throws IOException, InterruptedException {
        String out = run(javaOpts, "--version");
        assertTrue(VERSION.matcher(out).find(), "no version line in: " + out);
        return exec(out, "--version");
    }

    /** The options with which the launcher ran {@code COMMAND --help}. */
    private static String optionsOf(String command, String javaOpts) throws IOException, InterruptedException {
        return exec(run(javaOpts, command, "--help"), command + " --help");
    }

    /** The archive the build makes next to the jar (cli/src/build/class-data-archive.sh). */
    private static final Path ARCHIVE = Path.of(System.getProperty("evalledger.jar").replaceFirst("\\.jar$", ".jsa"));

    /** The options by which the launcher gives the JVM the archive {@code archive}. */
    private static String archiveOptions(Path archive) {
        return "-XX:SharedArchiveFile=" + archive + " -Xlog:cds=off -Xlog:cds+dynamic=off";
    }

    /**
     * The options of the trace's {@code exec java OPTIONS -jar JAR ARGS} line, without the build's
     * class-data archive's, which the tests of the archive below check on their own.
     */
    private static String exec(String trace, String args) {
        return execWithArchive(trace, args).replace(" " + archiveOptions(ARCHIVE), "");
    }

    /** The options of the trace's {@code exec java OPTIONS -jar JAR ARGS} line, all of them. */
    private static String execWithArchive(String trace, String args) {
        Matcher m = Pattern.compile("(?m)^\\+ exec java (.*) -jar \\S+ " + Pattern.quote(args) + "$").matcher(trace);
        assertTrue(m.find(), "no exec line in the launcher's trace: " + trace);
        return m.group(1);
    }

    /** The launcher's trace and output of these arguments; it must exit 0. */
    private static String run(String javaOpts, String... args) throws IOException, InterruptedException {
        return runLauncher(LAUNCHER, javaOpts, args);
    }

    /** The trace and output of {@code launcher} with these arguments; it must exit 0. */
    private static String runLauncher(Path launcher, String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-x", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("EVALLEDGER_JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("EVALLEDGER_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The launcher's collector and young generation on this machine, without a JIT option. */
    private static String memoryDefaults() throws IOException {
        return memoryKb() >= 4L * 1024 * 1024 ? "-XX:+UseParallelGC -XX:MaxNewSize=256m -XX:NewSize=256m" : "-XX:+UseParallelGC";
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
    void byDefaultTheParallelCollectorWithItsYoungGenerationCappedOnAMachineOfFourGigabytesOrMoreAndC1Alone() throws Exception {
        assertEquals(memoryDefaults() + " -XX:TieredStopAtLevel=1", options(null));
        assertEquals(memoryDefaults() + " -XX:TieredStopAtLevel=1", optionsOf("verify", null));
    }

    @Test
    void theLedgersCommandsOnOneEntryRunOnC1AloneAndItsVerifyOfTheWholeLogOnBoth() throws Exception {
        assertEquals(memoryDefaults(), exec(run(null, "ledger", "verify", "--help"), "ledger verify --help"));
        for (String sub : List.of("prove", "checkpoint", "verify-proof", "init", "history", "consistency")) {
            assertEquals(memoryDefaults() + " -XX:TieredStopAtLevel=1", exec(run(null, "ledger", sub, "--help"), "ledger " + sub + " --help"), sub);
        }
        assertEquals(memoryDefaults() + " -XX:TieredStopAtLevel=1", optionsOf("ledger", null));
    }

    /**
     * A directory of {@code files} files as the command lists them (the last one a link to another
     * file, which counts), and what it does not read: a hidden file, a link to a directory (not
     * entered) and a broken link.
     */
    private static Path uploads(Path dir, int files) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        for (int i = 0; i < files - 1; i++) {
            Files.createFile(dir.resolve((i % 2 == 0 ? "sub/" : "") + "u" + i + ".json"));
        }
        Files.createSymbolicLink(dir.resolve("u" + (files - 1) + ".json"), dir.resolve("sub/u0.json"));
        Files.createFile(dir.resolve(".hidden"));
        Files.createSymbolicLink(dir.resolve("linked-dir"), dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("broken.json"), dir.resolve("missing.json"));
        return dir;
    }

    /** The options with which the launcher ran {@code COMMAND... ARGS --help}. */
    private static String optionsOf(List<String> command, List<String> args) throws IOException, InterruptedException {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(args);
        all.add("--help");
        return exec(run(null, all.toArray(String[]::new)), String.join(" ", all));
    }

    /**
     * An audit or a ledger append of at most 20,000 files runs on C1 alone, a longer one on both;
     * the values of its options are not counted.
     */
    private static void shortOnC1LongOnBoth(List<String> command, List<String> options, Path tmp) throws Exception {
        String dir = uploads(tmp.resolve("uploads"), 2_000).toString();
        List<String> tenTimes = new java.util.ArrayList<>(options);
        for (int i = 0; i < 10; i++) {
            tenTimes.add(dir); // the same directory given ten times is read ten times: 20,000 files
        }
        assertEquals(memoryDefaults() + " -XX:TieredStopAtLevel=1", optionsOf(command, tenTimes), "20,000 files");
        List<String> oneMore = new java.util.ArrayList<>(tenTimes);
        oneMore.add(tmp.resolve("uploads/u1.json").toString());
        assertEquals(memoryDefaults(), optionsOf(command, oneMore), "20,001 files");
        List<String> afterDashes = new java.util.ArrayList<>(command);
        afterDashes.add("--help");
        afterDashes.addAll(tenTimes);
        afterDashes.addAll(List.of("--", "--trust"));
        assertEquals(memoryDefaults(), exec(run(null, afterDashes.toArray(String[]::new)), String.join(" ", afterDashes)),
                "a file named --trust after -- is counted");
        assertEquals(memoryDefaults() + " -XX:TieredStopAtLevel=1", optionsOf(command, List.of()), "no files");
    }

    @Test
    void anAuditOfAtMostTwentyThousandUploadsRunsOnC1AloneAndALongerOneOnBoth(@TempDir Path tmp) throws Exception {
        String population = uploads(tmp.resolve("population"), 2_000).toString();
        shortOnC1LongOnBoth(List.of("audit"), List.of("--trust", "trust.json", "--population", population, "--report=r.json",
                "--format", "json"), tmp);
    }

    @Test
    void aLedgerAppendOfAtMostTwentyThousandEnvelopesRunsOnC1AloneAndALongerOneOnBoth(@TempDir Path tmp) throws Exception {
        String db = uploads(tmp.resolve("db"), 2_000).toString(); // not counted, whatever it is
        shortOnC1LongOnBoth(List.of("ledger", "append"), List.of("--db", db, "--trust=trust.json", "--format", "json"), tmp);
    }

    @Test
    void anAuditWhoseArgumentsTheLauncherCannotReadKeepsBothCompilers(@TempDir Path tmp) throws Exception {
        Path argFile = Files.writeString(tmp.resolve("args"), "--format json\n");
        assertEquals(memoryDefaults(), optionsOf(List.of("audit"), List.of("@" + argFile)), "an argument file");
        assertEquals(memoryDefaults(), optionsOf(List.of("audit"), List.of("--not-an-option")), "an option it does not know");
        assertEquals(memoryDefaults(), optionsOf(List.of("ledger", "append"), List.of("--population", "p")), "an option append does not take");
    }

    /** The options the launcher's script lists as taking a value for {@code CASE) few_files "A|B|..."}. */
    private static java.util.Set<String> launcherValueOptions(String caseLabel) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(caseLabel) + "\\) few_files \"([^\"]*)\"").matcher(Files.readString(LAUNCHER));
        assertTrue(m.find(), "no few_files line for " + caseLabel + " in " + LAUNCHER);
        return new java.util.TreeSet<>(List.of(m.group(1).split("\\|")));
    }

    /** The names of a command's options that take a value, as picocli's model of it has them. */
    private static java.util.Set<String> valueOptions(String... command) {
        picocli.CommandLine cl = Main.commandLine(command);
        for (String c : command) {
            cl = cl.getSubcommands().get(c);
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (picocli.CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            if (o.arity().max() > 0) {
                names.addAll(List.of(o.names()));
            }
        }
        return names;
    }

    @Test
    void theLaunchersListsOfOptionsThatTakeAValueAreTheCommandsOwn() throws IOException {
        // an option added to audit or ledger append must be added to the launcher's list, or its value is counted as a file
        assertEquals(valueOptions("audit"), launcherValueOptions("audit"));
        assertEquals(valueOptions("ledger", "append"), launcherValueOptions("append"));
    }

    @Test
    void optionsThatNameTheJitReplaceItsDefault() throws Exception {
        assertEquals(memoryDefaults() + " -XX:TieredStopAtLevel=4", optionsOf("verify", "-XX:TieredStopAtLevel=4"));
        assertEquals(memoryDefaults() + " -XX:-TieredCompilation", options("-XX:-TieredCompilation"));
        assertEquals(memoryDefaults() + " -XX:TieredStopAtLevel=4", optionsOf("audit", "-XX:TieredStopAtLevel=4"));
    }

    @Test
    void optionsThatSizeTheHeapLeaveTheYoungGenerationToTheJvm() throws Exception {
        // a cap above a small heap would make the JVM print a warning; the user's sizes decide instead
        assertEquals("-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xmx256m", options("-Xmx256m"));
        assertEquals("-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xmn64m", options("-Xmn64m"));
        assertEquals("-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:MaxHeapSize=300m", options("-XX:MaxHeapSize=300m"));
        assertEquals("-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=50", options("-XX:MaxRAMPercentage=50"));
        // an initial heap below the young generation's start would make the JVM warn on stdout
        assertEquals("-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xms128m", options("-Xms128m"));
        assertEquals("-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:InitialHeapSize=128m", options("-XX:InitialHeapSize=128m"));
        assertEquals("-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:NewSize=32m", options("-XX:NewSize=32m"));
    }

    @Test
    void theDefaultYoungGenerationMakesTheJvmPrintNothingOfItsOwn() throws Exception {
        // the JVM raises its initial heap to fit a young generation started at 256 MB; were it to
        // warn instead (as it does below an explicit -Xms), the warning would be in the output
        String out = run(null, "--version");
        assertEquals("evalledger", out.lines().filter(l -> !l.startsWith("+")).findFirst().orElse("").split(" ")[0], out);
        assertEquals(1, out.lines().filter(l -> !l.startsWith("+") && !l.isBlank()).count(), out);
    }

    @Test
    void anotherCollectorNamedInTheOptionsReplacesBothDefaults() throws Exception {
        assertEquals("-XX:TieredStopAtLevel=1 -XX:+UseG1GC", options("-XX:+UseG1GC"));
    }

    @Test
    void otherOptionsComeAfterTheDefaultsSoThatTheyWin() throws Exception {
        String defaults = options(null);
        assertEquals(defaults + " -Xss2m", options("-Xss2m"));
    }

    /** The {@code java} on the path, its links resolved, as the launcher and the archive script name it. */
    private static Path javaOnPath() throws IOException {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            Path java = Path.of(dir, "java");
            if (Files.isExecutable(java)) {
                return java.toRealPath();
            }
        }
        throw new AssertionError("no java on PATH");
    }

    @Test
    void theBuildsClassDataArchiveIsGivenToTheJvmWhichLoadsOurClassesFromIt() throws Exception {
        assertTrue(Files.size(ARCHIVE) > 0, "the build made no class-data archive at " + ARCHIVE);
        Path jar = Path.of(System.getProperty("evalledger.jar"));
        assertEquals(jar + " " + javaOnPath(), Files.readString(Path.of(ARCHIVE + ".stamp")).strip());
        String out = run(null, "--version");
        assertEquals(options(null) + " " + archiveOptions(ARCHIVE), execWithArchive(out, "--version"));
        // the JVM maps the classes from it rather than reading them out of the jar
        String loads = run("-Xlog:class+load=info", "--version");
        assertTrue(loads.lines().anyMatch(l -> l.endsWith(" org.evalledger.cli.Main source: shared objects file")), loads);
        for (String own : List.of("-Xshare:off", "-XX:SharedArchiveFile=/nonexistent.jsa", "-XX:-UseSharedSpaces")) {
            assertEquals(memoryDefaults() + " -XX:TieredStopAtLevel=1 " + own, execWithArchive(run(own, "--version"), "--version"),
                    "options that choose class sharing themselves: " + own);
        }
        // every training command ran: the archive holds what the audit, the importer and the ledger load
        Process p = new ProcessBuilder(javaOnPath().toString(), "-XX:SharedArchiveFile=" + ARCHIVE, "-XX:+PrintSharedArchiveAndExit",
                "-XX:+PrintSharedDictionary", "-cp", jar.toString()).redirectErrorStream(true).start();
        String dictionary = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not print the archive");
        assertTrue(dictionary.contains("archive is valid"), dictionary.lines().limit(20).toList().toString());
        for (String c : List.of("org.evalledger.cli.AuditRun", "org.bouncycastle.math.ec.rfc8032.Ed25519",
                "org.evalledger.anomaly.AnomalyDetector", "org.evalledger.interop.internal.LeaderboardImporter",
                "org.evalledger.ledger.Merkle", "org.sqlite.JDBC", "org.evalledger.cli.ExportCommand", "org.evalledger.cli.CountersignCommand")) {
            assertTrue(dictionary.contains(": " + c + " app_loader"), c + " is not in the archive");
        }
    }

    /** A copy of the launcher and the jar under {@code root}, as a clone with its jar built would have them. */
    private static Path launcherCopy(Path root) throws IOException {
        Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("evalledger.jar");
        Files.copy(Path.of(System.getProperty("evalledger.jar")), jar);
        return Files.copy(LAUNCHER, root.resolve("evalledger"));
    }

    private static void touch(Path file, Path than, long millis) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(than).toMillis() + millis));
    }

    @Test
    void anArchiveIsGivenOnlyWhenNewerThanTheJarAndStampedForItAndOneMadeForAnotherJarIsIgnoredSilently(@TempDir Path tmp)
            throws Exception {
        Path launcher = launcherCopy(tmp);
        Path jar = tmp.resolve("cli/target/evalledger.jar");
        Path archive = tmp.resolve("cli/target/evalledger.jsa");
        Path stamp = tmp.resolve("cli/target/evalledger.jsa.stamp");
        Files.writeString(stamp, jar + " " + javaOnPath() + "\n");
        Files.createFile(archive);
        assertEquals(options(null), execWithArchive(runLauncher(launcher, null, "--version"), "--version"), "an empty archive");

        Files.delete(archive);
        Files.copy(ARCHIVE, archive); // made for the build's jar, not this copy
        touch(archive, jar, -60_000);
        assertEquals(options(null), execWithArchive(runLauncher(launcher, null, "--version"), "--version"), "an archive older than the jar");

        touch(archive, jar, 60_000);
        Files.copy(Path.of(ARCHIVE + ".stamp"), stamp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(options(null), execWithArchive(runLauncher(launcher, null, "--version"), "--version"), "a stamp naming another jar");
        Files.writeString(stamp, jar + " /usr/lib/jvm/another-jdk/bin/java\n");
        assertEquals(options(null), execWithArchive(runLauncher(launcher, null, "--version"), "--version"), "a stamp naming another java");
        Files.delete(stamp);
        assertEquals(options(null), execWithArchive(runLauncher(launcher, null, "--version"), "--version"), "no stamp");

        // newer than the jar and stamped for it, but made for the jar at another path, and a
        // (dynamic) archive of the kind the JVM warns about when it refuses one: it says nothing,
        // and the command prints its one line as without an archive
        Files.delete(archive);
        Process dump = new ProcessBuilder(javaOnPath().toString(), "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", System.getProperty("evalledger.jar"), "--version")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        assertTrue(dump.waitFor(60, TimeUnit.SECONDS) && dump.exitValue() == 0 && Files.size(archive) > 0, "no archive dumped");
        touch(archive, jar, 60_000);
        Files.writeString(stamp, jar + " " + javaOnPath() + "\n");
        String out = runLauncher(launcher, null, "--version");
        assertEquals(options(null) + " " + archiveOptions(archive), execWithArchive(out, "--version"));
        assertEquals(List.of(out.lines().filter(l -> VERSION.matcher(l).matches()).findFirst().orElseThrow()),
                out.lines().filter(l -> !l.startsWith("+") && !l.isBlank()).toList(), out);
    }

    /** Runs the build's archive script; it must exit 0. Returns its standard error. */
    private static String makeArchive(String... args) throws IOException, InterruptedException {
        Path script = LAUNCHER.resolveSibling("cli/src/build/class-data-archive.sh");
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the archive script did not finish");
        assertEquals(0, p.exitValue(), err);
        return err;
    }

    @Test
    void theArchiveScriptRunsEveryTrainingCommandAndLeavesAWholeArchiveOrNone(@TempDir Path tmp) throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("evalledger.jar")), tmp.resolve("copy.jar"));
        Files.writeString(tmp.resolve("copy.jsa"), "a stale archive");
        assertEquals("", makeArchive(jar.toString()), "a training command failed or the dump did");
        assertTrue(Files.size(tmp.resolve("copy.jsa")) > 1_000_000, "no archive made for the copy");
        assertEquals(jar + " " + javaOnPath(), Files.readString(tmp.resolve("copy.jsa.stamp")).strip());
        // the dump cannot write its file: a warning, no archive, exit 0 all the same
        Path unwritable = tmp.resolve("missing-dir/copy.jsa");
        String err = makeArchive(jar.toString(), unwritable.toString());
        assertTrue(err.contains("warning: no class-data archive for " + jar), err);
        assertEquals(List.of("copy.jar", "copy.jsa", "copy.jsa.stamp"),
                Files.list(tmp).map(f -> f.getFileName().toString()).sorted().toList(), "nothing half-written is left");
    }
}
