package org.evalledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.evalledger.anomaly.AnomalyDetector;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.interop.ImportOptions;
import org.evalledger.interop.Importers;
import org.evalledger.schema.RecordCodec;
import org.evalledger.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EarlyPopulation}: the population of an {@code audit}, {@code check} or {@code ledger history} is started before the
 * command line is parsed, and the command takes it only for the path picocli gives it; what the
 * command prints is the same as when it starts its own.
 */
class EarlyPopulationTest {
    @TempDir
    Path dir;

    private static Path at(String p) {
        return Path.of(p);
    }

    @Test
    void readsThePopulationOfAnAuditACheckOrALedgerHistoryInEitherSpelling() {
        assertEquals(at("v1.csv"), EarlyPopulation.populationOf(new String[] {"audit", "--trust", "t.json", "--population", "v1.csv", "up"}));
        assertEquals(at("v1.csv"), EarlyPopulation.populationOf(new String[] {"audit", "--population=v1.csv", "--trust", "t.json", "up"}));
        assertEquals(at("dir"), EarlyPopulation.populationOf(new String[] {"check", "r.json", "--population", "dir"}));
        assertEquals(at("v1.csv"), EarlyPopulation.populationOf(new String[] {"ledger", "history", "--db", "h.db", "--population", "v1.csv", "m"}));
    }

    @Test
    void readsNothingFromOtherCommandsOrCommandLinesItCannotReadAsPicocliWould() {
        List<String[]> none = List.of(new String[0], new String[] {"audit"}, new String[] {"verify", "--population", "p", "e.json"},
                new String[] {"ledger", "append", "--db", "h.db", "--population", "p", "e.json"},
                new String[] {"ledger", "history"}, new String[] {"ledger", "--help", "history", "--population", "p"},
                new String[] {"--format", "json", "audit", "--population", "p", "u"},
                new String[] {"audit", "--trust", "t", "u", "--population"}, // no value
                new String[] {"audit", "--population=", "u"}, // an empty value
                new String[] {"audit", "--population", "a", "--population", "b", "u"}, // twice: a usage error
                new String[] {"audit", "--", "--population", "p"}, // after --, an operand
                new String[] {"audit", "@args.txt"}, // an argument file: picocli expands it
                new String[] {"audit", "--population", "p", "--help"}, new String[] {"check", "-h", "--population", "p"},
                new String[] {"audit", "--population", "p", "-V"}, new String[] {"check", "--version", "--population", "p"},
                new String[] {"audit", "--population", "--trust", "t", "u"}, // a value picocli may take for an option
                new String[] {"audit", "--population", "nul\0here", "u"}); // not a path
        for (String[] args : none) {
            assertNull(EarlyPopulation.populationOf(args), String.join(" ", args));
            assertNull(EarlyPopulation.start(args), String.join(" ", args));
        }
    }

    @Test
    void theCommandsThatTakeAPopulationAreGivenTheOneStartedEarly() throws Exception {
        Path population = populationWithOneFileThatIsNoRecord();
        for (String command : List.of("audit", "check", "ledger")) {
            String[] args = command.equals("ledger") ? new String[] {"ledger", "history", "--population", population.toString(), "m"}
                    : new String[] {command, "--population", population.toString(), "x.json"};
            EarlyPopulation early = EarlyPopulation.start(args);
            assertNotNull(early, command);
            Object c = Main.commandLine(args, early).getSubcommands().get(command).getCommand();
            EarlyPopulation given = c instanceof AuditCommand a ? a.early : c instanceof CheckCommand k ? k.early : ((LedgerCommand) c).early;
            assertSame(early, given, command);
        }
    }

    @Test
    void theCommandTakesTheDetectorOnlyForThePathItWasStartedFor() throws Exception {
        Path population = populationWithOneFileThatIsNoRecord();
        EarlyPopulation early = EarlyPopulation.start(new String[] {"check", "--population", population.toString(), "x.json"});
        assertNotNull(early);
        StringWriter err = new StringWriter();
        assertNull(early.take(dir.resolve("another"), new PrintWriter(err, true)), "another path: the command starts its own");
        early.started().join();
        assertEquals("", err.toString(), "what the early loading wrote is not the command's when it did not take it");
    }

    @Test
    void whatTheLoadingWroteBeforeTheCommandTookItReachesTheCommandsErrorStreamOnce() throws Exception {
        Path population = populationWithOneFileThatIsNoRecord();
        EarlyPopulation early = EarlyPopulation.start(new String[] {"check", "--population", population.toString(), "x.json"});
        assertNotNull(early);
        early.started().join(); // loaded and fitted, its line written and held
        StringWriter err = new StringWriter();
        CompletableFuture<AnomalyDetector> taken = early.take(population, new PrintWriter(err, true));
        assertSame(early.started(), taken);
        assertEquals(1, count(err.toString(), "left out 1 file(s) that are not valid records or envelopes"), err.toString());
        assertEquals(1, taken.join().population().size());
    }

    @Test
    void aCheckPrintsTheSameWithTheEarlyPopulationAsWithoutIt() throws Exception {
        Path population = populationWithOneFileThatIsNoRecord();
        Path record = population.resolve("r.json");
        String table = SharedData.path("corpus/leaderboards/open_llm_leaderboard_v1.csv").toString();
        for (String pop : List.of(population.toString(), table)) {
            String[] direct = {"check", "--format", "json", "--population", pop, record.toString()};
            // an argument file: picocli reads the same command line from it, EarlyPopulation nothing
            Path args = dir.resolve("args.txt");
            Files.writeString(args, "--format json --population '" + pop + "' '" + record + "'\n");
            String[] viaFile = {"check", "@" + args};
            assertNotNull(EarlyPopulation.start(direct));
            assertNull(EarlyPopulation.start(viaFile));
            String[] a = run(direct);
            String[] b = run(viaFile);
            assertEquals(b[0], a[0], "exit code, " + pop);
            assertEquals(b[1], a[1], "output, " + pop);
            assertEquals(b[2], a[2], "error stream, " + pop);
            assertTrue(a[1].contains("\"findings\""), a[1]);
        }
    }

    @Test
    void aLedgerHistoryPrintsTheSameWithTheEarlyPopulationAsWithoutIt() throws Exception {
        Path lmEval = SharedData.path("corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json");
        String table = SharedData.path("corpus/leaderboards/open_llm_leaderboard_v1.csv").toString();
        String lab = dir.resolve("lab").toString();
        String hub = dir.resolve("hub").toString();
        String db = dir.resolve("hub.db").toString();
        String trust = dir.resolve("trust.json").toString();
        assertEquals("0", run("keygen", "--algorithm", "ed25519", "--out", lab)[0]);
        assertEquals("0", run("keygen", "--algorithm", "ed25519", "--out", hub)[0]);
        assertEquals("0", run("trust", "add", "--policy", trust, "--key", lab + ".pub", "--owner", "Lab", "--role", "producer")[0]);
        EvaluationRecord record = Importers.importFile(lmEval, ImportOptions.defaults()).records().get(0);
        Path r = Files.write(dir.resolve("r.json"), RecordCodec.standard().write(record));
        String envelope = dir.resolve("r.dsse.json").toString();
        assertEquals("0", run("sign", "--key", lab + ".key", "--out", envelope, r.toString())[0]);
        assertEquals("0", run("ledger", "init", "--db", db, "--origin", "hub.example.org/evalledger", "--key", hub + ".key")[0]);
        String[] appended = run("ledger", "append", "--db", db, "--trust", trust, envelope);
        assertEquals("0", appended[0], appended[2]);

        String[] direct = {"ledger", "history", "--db", db, "--format", "json", "--population", table, record.model().id()};
        Path args = Files.writeString(dir.resolve("history-args.txt"),
                "--db '" + db + "' --format json --population '" + table + "' '" + record.model().id() + "'\n");
        String[] viaFile = {"ledger", "history", "@" + args};
        assertNotNull(EarlyPopulation.start(direct));
        assertNull(EarlyPopulation.start(viaFile));
        String[] a = run(direct);
        String[] b = run(viaFile);
        assertEquals("0", a[0], a[2]);
        assertEquals(b[1], a[1], "output");
        assertEquals(b[2], a[2], "error stream");
        assertTrue(a[1].contains("\"digest\""), a[1]);
    }

    /** A directory of one valid record and one file that is not a record. */
    private Path populationWithOneFileThatIsNoRecord() throws Exception {
        Path p = Files.createDirectories(dir.resolve("population"));
        Path lmEval = SharedData.path("corpus/formats/lm_eval_results_2026-01-21T03-44-18.458309.json");
        EvaluationRecord record = Importers.importFile(lmEval, ImportOptions.defaults()).records().get(0);
        Files.write(p.resolve("r.json"), RecordCodec.standard().write(record));
        Files.writeString(p.resolve("notes.txt"), "not a record");
        return p;
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
