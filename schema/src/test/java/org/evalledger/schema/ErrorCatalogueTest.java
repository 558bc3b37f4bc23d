package org.evalledger.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/errors.md lists exactly the codes of {@link ErrorCode}, with the same severity. */
class ErrorCatalogueTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(EL-[A-Z0-9-]+)` \\| (error|warning) \\|", Pattern.MULTILINE);

    private static String errorsMd() throws IOException {
        String root = System.getProperty("evalledger.root");
        Path base = root != null ? Path.of(root) : Path.of("..");
        return Files.readString(base.resolve("docs/errors.md"));
    }

    @Test
    void everyCodeIsDocumentedWithItsSeverityAndNothingElse() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher m = ROW.matcher(errorsMd());
        while (m.find()) {
            documented.add(m.group(1) + " " + m.group(2));
        }
        Set<String> declared = Arrays.stream(ErrorCode.values())
                .map(c -> c.code() + " " + c.severity().wireName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, documented);
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> seen = new TreeSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertEquals(true, c.code().matches("EL-(PARSE|SCHEMA|SEM)-[A-Z0-9-]+"), c.code());
            assertEquals(true, seen.add(c.code()), "duplicate " + c.code());
            assertEquals(c, ErrorCode.of(c.code()).orElseThrow());
        }
    }
}
