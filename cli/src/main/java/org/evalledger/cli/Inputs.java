package org.evalledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Files named on the command line: a file is itself, a directory is every regular file under it, sorted. */
final class Inputs {
    private Inputs() {}

    /** @throws UsageException (exit 2) for a path that is missing or unreadable */
    static List<Path> expand(List<Path> paths, boolean directories) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                if (!directories) {
                    throw new UsageException(p + " is a directory; give files");
                }
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new UsageException("cannot read directory " + p + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                if (!Files.isReadable(p)) {
                    throw new UsageException("cannot read " + p + ": permission denied");
                }
                out.add(p);
            } else {
                throw new UsageException(Files.exists(p) ? p + " is not a file or directory" : "no such file or directory: " + p);
            }
        }
        return out;
    }

    /** The bytes of a file. @throws UsageException when it cannot be read */
    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UsageException("cannot read " + p + ": " + e.getMessage());
        }
    }

    /** Writes bytes; @throws UsageException when the file cannot be written */
    static void write(Path p, byte[] bytes) {
        try {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UsageException("cannot write " + p + ": " + e.getMessage());
        }
    }
}
