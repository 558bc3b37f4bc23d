package org.evalledger.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code evalledger} command (CLI.md). Exit codes: 0 all good, 1 some input invalid, untrusted,
 * flagged or not accepted, 2 usage error or unreadable path, 3 internal error.
 */
@Command(name = "evalledger", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Trusted benchmark records: validate, sign, verify, check and audit evaluation results.",
        subcommands = {KeygenCommand.class, ImportCommand.class, ExportCommand.class, ValidateCommand.class, SignCommand.class,
                CountersignCommand.class, TrustCommand.class, VerifyCommand.class, CheckCommand.class, AuditCommand.class,
                DemoCommand.class, LedgerCommand.class, CrashCommand.class})
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try --help)");
    }

    /** Runs the command line and returns its exit code; never throws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
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
