package org.evalledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@link Main#commandLine}: a command line that names a command gets only that command, and that
 * command is the one the full command line has, with the same name, usage help and subcommands.
 */
class MainCommandLineTest {
    private static final List<String> NAMES = Main.COMMANDS.stream().map(Map.Entry::getKey).toList();

    @Test
    void everyCommandIsRegisteredUnderTheNameItsAnnotationGives() {
        for (Map.Entry<String, java.util.function.Supplier<Object>> c : Main.COMMANDS) {
            assertEquals(c.getKey(), c.getValue().get().getClass().getAnnotation(Command.class).name());
        }
    }

    @Test
    void withoutACommandNamedFirstEveryCommandIsThereInTheUsageOrder() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"--version"}, new String[] {"nosuch", "x"},
                new String[] {"--format", "json", "verify"})) {
            assertEquals(NAMES, List.copyOf(Main.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void aCommandNamedFirstIsTheOnlyOneAndTheSameAsInTheFullCommandLine() {
        CommandLine full = Main.commandLine(new String[] {"--help"});
        for (String name : NAMES) {
            CommandLine one = Main.commandLine(new String[] {name, "--help"});
            assertEquals(List.of(name), List.copyOf(one.getSubcommands().keySet()));
            CommandLine a = one.getSubcommands().get(name);
            CommandLine b = full.getSubcommands().get(name);
            assertEquals(b.getUsageMessage(), a.getUsageMessage(), name);
            assertEquals(b.getSubcommands().keySet(), a.getSubcommands().keySet(), name);
            for (String sub : b.getSubcommands().keySet()) {
                assertEquals(b.getSubcommands().get(sub).getUsageMessage(), a.getSubcommands().get(sub).getUsageMessage(), name + " " + sub);
            }
        }
    }
}
