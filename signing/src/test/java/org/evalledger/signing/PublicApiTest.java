package org.evalledger.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evalledger.core.EvaluationRecord;
import org.evalledger.schema.RecordCodec;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md: no Jackson, networknt or Bouncy Castle type appears in a public signature of
 * core, schema or signing; exported packages hold the API and nothing named internal.
 */
class PublicApiTest {
    private static final List<String> FORBIDDEN = List.of("tools.jackson.", "com.networknt.", "org.bouncycastle.");

    private static List<Class<?>> exportedClasses(Class<?> anchor) throws Exception {
        List<Class<?>> out = new ArrayList<>();
        Module module = anchor.getModule();
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        FileSystem jar = null;
        Path root = location;
        if (Files.isRegularFile(location)) {
            jar = FileSystems.newFileSystem(URI.create("jar:" + location.toUri()), Map.of());
            root = jar.getPath("/");
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replace(".class", "");
                if (name.equals("module-info") || name.endsWith("package-info")) {
                    continue;
                }
                String pkg = name.substring(0, name.lastIndexOf('.'));
                if (module.isNamed() && !module.isExported(pkg)) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        } finally {
            if (jar != null) {
                jar.close();
            }
        }
        return out;
    }

    private static void check(Type t, String where, List<String> bad) {
        String name = t.getTypeName();
        for (String f : FORBIDDEN) {
            if (name.contains(f)) {
                bad.add(where + " uses " + name);
            }
        }
    }

    @Test
    void noForeignTypeInAnyPublicSignatureOfCoreSchemaOrSigning() throws Exception {
        List<String> bad = new ArrayList<>();
        int classes = 0;
        for (Class<?> anchor : List.of(EvaluationRecord.class, RecordCodec.class, Verifier.class)) {
            for (Class<?> c : exportedClasses(anchor)) {
                classes++;
                check(c.getGenericSuperclass() == null ? Object.class : c.getGenericSuperclass(), c.getName(), bad);
                for (Type i : c.getGenericInterfaces()) {
                    check(i, c.getName(), bad);
                }
                for (Method m : c.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                        check(m.getGenericReturnType(), c.getName() + "." + m.getName(), bad);
                        for (Type p : m.getGenericParameterTypes()) {
                            check(p, c.getName() + "." + m.getName(), bad);
                        }
                        for (Type e : m.getGenericExceptionTypes()) {
                            check(e, c.getName() + "." + m.getName(), bad);
                        }
                    }
                }
                for (Constructor<?> k : c.getDeclaredConstructors()) {
                    if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
                        for (Type p : k.getGenericParameterTypes()) {
                            check(p, c.getName() + ".<init>", bad);
                        }
                    }
                }
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers())) {
                        check(f.getGenericType(), c.getName() + "." + f.getName(), bad);
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
        assertTrue(classes > 40, "found only " + classes + " public classes");
    }

    @Test
    void exportedPackagesAreTheApiOnly() {
        for (Class<?> anchor : List.of(EvaluationRecord.class, RecordCodec.class, Verifier.class)) {
            Module m = anchor.getModule();
            assertTrue(m.isNamed(), anchor + " is not in a named module");
            for (String p : m.getPackages()) {
                assertEquals(!p.contains(".internal"), m.isExported(p), m.getName() + " exports " + p);
            }
        }
    }
}
