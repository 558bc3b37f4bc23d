package org.evalledger.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code evalledger} command (CLI.md). Exit codes: 0 all good, 1 some input invalid, untrusted,
 * flagged or not accepted, 2 usage error or unreadable path, 3 internal error.
 */
@Command(name = "evalledger", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Trusted benchmark records: validate, sign, verify, check and audit evaluation results.")
public final class Main implements Runnable {
    /** Everything valid, verified, unflagged or accepted. */
    public static final int OK = 0;
    /** Some input was invalid, untrusted, flagged or not accepted. */
    public static final int FAILED = 1;
    /** A usage error or a path that cannot be opened. */
    public static final int USAGE = 2;
    /** An internal error. */
    public static final int INTERNAL = 3;

    static final String REPORT_BUGS = "https://github.com/evalledger/evalledger/issues";

    /**
     * The commands by name, in the order of the usage help. Picocli builds the model of every
     * command it is given, by reflection over its annotations, about 70 ms of a cold start for all
     * of them: a command line that names one command gets only that one ({@link #commandLine}).
     */
    static final List<Map.Entry<String, Supplier<Object>>> COMMANDS = List.of(
            Map.entry("keygen", KeygenCommand::new), Map.entry("import", ImportCommand::new),
            Map.entry("export", ExportCommand::new), Map.entry("validate", ValidateCommand::new),
            Map.entry("sign", SignCommand::new), Map.entry("countersign", CountersignCommand::new),
            Map.entry("trust", TrustCommand::new), Map.entry("verify", VerifyCommand::new),
            Map.entry("check", CheckCommand::new), Map.entry("audit", AuditCommand::new),
            Map.entry("demo", DemoCommand::new), Map.entry("ledger", LedgerCommand::new),
            Map.entry("internal-error-test", CrashCommand::new));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try --help)");
    }

    /** Runs the command line and returns its exit code; never throws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // before picocli's model and parse, which keep one core busy while the other waits
        EarlyPopulation early = EarlyPopulation.start(args);
        CommandLine cl = commandLine(args, early);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("evalledger: " + ex.getMessage().lines().findFirst().orElse("usage error"));
            err.println("Try 'evalledger " + (ex.getCommandLine().getCommandName().equals("evalledger") ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help' for usage.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof UsageException u) {
                err.println("evalledger: " + u.getMessage());
                return USAGE;
            }
            err.println("evalledger: internal error: " + ex);
            StackTraceElement[] st = ex.getStackTrace();
            if (st.length > 0) {
                err.println("  at " + st[0]);
            }
            err.println("This is a bug; please report it with the command line at " + REPORT_BUGS);
            return INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) { // picocli itself failing
            err.println("evalledger: internal error: " + e);
            return INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command line for these arguments: every command, or only the one the first argument
     * names. What picocli parses and prints is the same either way, as a command's options, help
     * and errors are its own; the usage help of {@code evalledger} itself, and the error for a
     * command it does not know, list every command.
     */
    static CommandLine commandLine(String[] args) {
        return commandLine(args, null);
    }

    /** {@link #commandLine(String[])}, its {@code audit}, {@code check} or {@code ledger history} given the population started early. */
    static CommandLine commandLine(String[] args, @Nullable EarlyPopulation early) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : null;
        boolean named = COMMANDS.stream().anyMatch(c -> c.getKey().equals(first));
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS) {
            if (!named || c.getKey().equals(first)) {
                Object command = c.getValue().get();
                if (command instanceof AuditCommand a) {
                    a.early = early;
                } else if (command instanceof CheckCommand k) {
                    k.early = early;
                } else if (command instanceof LedgerCommand l) {
                    l.early = early; // for its history subcommand
                }
                cl.addSubcommand(c.getKey(), command);
            }
        }
        return cl;
    }

    public static void main(String[] args) {
        // networknt logs through SLF4J; the CLI has no logging backend and reports everything itself
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"evalledger " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
