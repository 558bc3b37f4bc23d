package org.evalledger.ledger;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the store tests run on. PostgreSQL comes from {@code EVALLEDGER_TEST_PG_URL} (a
 * server where the user may create databases; the password in {@code EVALLEDGER_DB_PASSWORD}),
 * which {@code .ci/postgres} starts and prints: each test gets a new database. Without it the
 * PostgreSQL tests are skipped with a message on a developer machine and fail under {@code CI=true}.
 */
final class TestDatabases {
    static final String URL_VARIABLE = "EVALLEDGER_TEST_PG_URL";

    private TestDatabases() {}

    /** A new, empty PostgreSQL database's URL. */
    static String newPostgres() {
        String admin = System.getenv(URL_VARIABLE);
        if (admin == null || admin.isBlank()) {
            String why = URL_VARIABLE + " is not set: the PostgreSQL store tests need a server (start one with "
                    + "`eval \"$(.ci/postgres)\"`)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; under CI=true they must run");
            }
            Assumptions.abort(why);
        }
        String name = "el_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = connect(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin + ": " + e.getMessage(), e);
        }
        return admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    /** A plain JDBC connection, as an attacker with database access would have. */
    static Connection connect(String url) throws SQLException {
        if (url.startsWith("jdbc:")) {
            Properties p = new Properties();
            String password = System.getenv("EVALLEDGER_DB_PASSWORD");
            if (password != null) {
                p.setProperty("password", password);
            }
            return DriverManager.getConnection(url, p);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + url);
    }
}
