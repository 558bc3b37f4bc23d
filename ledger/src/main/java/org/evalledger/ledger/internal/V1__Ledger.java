package org.evalledger.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The first schema version, as a Flyway Java migration that runs the SQL file shipped beside it
 * (read from this module, so that no classpath scanning is needed on the module path).
 */
public final class V1__Ledger extends BaseJavaMigration {
    private final String dialect;

    /** @param dialect {@code sqlite} or {@code postgresql}: the folder of its SQL script */
    public V1__Ledger(String dialect) {
        this.dialect = dialect;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String sql = script("/org/evalledger/ledger/migration/" + dialect + "/V1__ledger.sql");
        try (Statement st = context.getConnection().createStatement()) {
            for (String part : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!part.isBlank()) {
                    st.execute(part);
                }
            }
        }
    }

    private static String script(String name) {
        try (InputStream in = V1__Ledger.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the evalledger-ledger jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
