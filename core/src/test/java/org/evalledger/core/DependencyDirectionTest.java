package org.evalledger.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Guards the dependency direction of ARCHITECTURE.md: every module's pom may depend only on the
 * EvalLedger modules the architecture allows, and core on nothing at run time.
 */
class DependencyDirectionTest {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "core", Set.of(),
            "schema", Set.of("core"),
            "signing", Set.of("schema", "core"),
            "anomaly", Set.of("core"),
            "interop", Set.of("schema", "core"),
            "ledger", Set.of("signing", "anomaly", "schema", "core"),
            "cli", Set.of("ledger", "interop", "signing", "anomaly", "schema", "core"),
            "examples", Set.of("ledger", "interop", "signing", "anomaly", "schema", "core"),
            "benchmarks", Set.of("ledger", "interop", "signing", "anomaly", "schema", "core"));

    private static final Pattern DEP = Pattern.compile(
            "<dependency>\\s*<groupId>org\\.evalledger</groupId>\\s*<artifactId>evalledger-([a-z]+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);

    private static Path root() {
        String root = System.getProperty("evalledger.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    @Test
    void everyModuleDependsOnlyOnModulesBelowIt() throws IOException {
        int checked = 0;
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            Path pom = root().resolve(e.getKey()).resolve("pom.xml");
            if (!Files.exists(pom)) {
                continue; // a module that does not exist yet
            }
            checked++;
            Set<String> used = new TreeSet<>();
            Matcher m = DEP.matcher(Files.readString(pom));
            while (m.find()) {
                if (!m.group(2).contains("<scope>test</scope>")) {
                    used.add(m.group(1));
                }
            }
            used.removeAll(e.getValue());
            assertEquals(Set.of(), used, e.getKey() + " depends on modules above it (ARCHITECTURE.md)");
        }
        assertTrue(checked >= 7, "found only " + checked + " module poms under " + root());
    }

    @Test
    void coreHasNoRuntimeDependency() throws IOException {
        String pom = Files.readString(root().resolve("core/pom.xml"));
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        while (m.find()) {
            String dep = m.group(1);
            assertTrue(dep.contains("<scope>provided</scope>") || dep.contains("<scope>test</scope>"),
                    "core may only have compile-time-only or test dependencies: " + dep.strip());
        }
    }
}
