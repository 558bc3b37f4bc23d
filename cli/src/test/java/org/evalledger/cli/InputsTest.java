package org.evalledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command reads when it is given files and directories. */
class InputsTest {
    @TempDir
    Path tmp;

    private Path file(String name) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "{}");
    }

    private List<String> names(List<Path> paths) {
        return paths.stream().map(p -> tmp.relativize(p).toString()).toList();
    }

    @Test
    void aDirectoryIsEveryRegularFileUnderItSortedWithoutTheFilesNamedWithADot() throws IOException {
        file("b.json");
        file("a/z.json");
        file("a/b/c.json");
        file("a.json");
        file(".hidden");
        file("a/.also-hidden.json");
        file(".dir/kept.json"); // only a file's own name is looked at
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(List.of(".dir/kept.json", "a.json", "a/b/c.json", "a/z.json", "b.json"),
                names(Inputs.expand(List.of(tmp), true)));
    }

    @Test
    void aLinkToARegularFileCountsAndALinkedDirectoryOrABrokenLinkDoesNot() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("o.json"), "{}");
        Path target = file("files/real.json");
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.createSymbolicLink(dir.resolve("link.json"), target);
        Files.createSymbolicLink(dir.resolve("linked-dir"), outside);
        Files.createSymbolicLink(dir.resolve("broken.json"), tmp.resolve("nowhere.json"));
        assertEquals(List.of("in/link.json"), names(Inputs.expand(List.of(dir), true)));
    }

    @Test
    void filesAreTakenInTheGivenOrderAndADirectoryAfterAFileKeepsItsOwnOrder() throws IOException {
        Path b = file("b.json");
        file("d/2.json");
        file("d/1.json");
        assertEquals(List.of("b.json", "d/1.json", "d/2.json", "b.json"),
                names(Inputs.expand(List.of(b, tmp.resolve("d"), b), true)));
    }

    @Test
    void aMissingPathOrADirectoryWhereFilesAreWantedIsAUsageError() throws IOException {
        UsageException missing = assertThrows(UsageException.class, () -> Inputs.expand(List.of(tmp.resolve("no.json")), true));
        assertTrue(missing.getMessage().startsWith("no such file or directory: "), missing.getMessage());
        UsageException dir = assertThrows(UsageException.class, () -> Inputs.expand(List.of(tmp), false));
        assertTrue(dir.getMessage().endsWith(" is a directory; give files"), dir.getMessage());
    }
}
