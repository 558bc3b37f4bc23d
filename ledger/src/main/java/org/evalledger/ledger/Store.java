package org.evalledger.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.evalledger.ledger.internal.V1__Ledger;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Where a ledger lives: one JDBC implementation over two databases. Every unit of work runs in
 * one transaction that commits when it returns and rolls back when it throws. Thread-safe.
 */
abstract class Store implements AutoCloseable {
    /** Environment variable holding the PostgreSQL password (never the command line). */
    static final String PASSWORD_VARIABLE = "EVALLEDGER_DB_PASSWORD";

    /** A unit of work on one connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A file path (SQLite) or a {@code jdbc:postgresql://} URL. */
    static Store open(String db) {
        if (db.startsWith("jdbc:postgresql:")) {
            return new Postgres(db);
        }
        if (db.startsWith("jdbc:")) {
            throw new LedgerException(LedgerException.DB, "unsupported database URL " + db
                    + ": give a file path (SQLite) or a jdbc:postgresql://host:port/database?user=NAME URL");
        }
        return new Sqlite(Path.of(db.startsWith("sqlite:") ? db.substring("sqlite:".length()) : db));
    }

    /** Runs the schema migrations. */
    final void migrate() {
        Flyway.configure().loggers("slf4j").dataSource(dataSource()).javaMigrations(new V1__Ledger(dialect())).locations(new String[0])
                .load().migrate();
    }

    abstract DataSource dataSource();

    /** {@code sqlite} or {@code postgresql}: the migration scripts' folder. */
    abstract String dialect();

    /** The statement that reads the state row and, on a write, holds it until commit. */
    abstract String lockState();

    /** A read-only unit of work on a consistent snapshot. */
    abstract <T> T read(Work<T> work) throws SQLException;

    /** A writing unit of work; writers are serialised by {@link #lockState()} inside it. */
    abstract <T> T write(Work<T> work) throws SQLException;

    /** Where it is, for messages (no password). */
    abstract String describe();

    @Override
    public abstract void close();

    static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        try {
            T t = work.run(c);
            c.commit();
            return t;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * SQLite: one connection (SQLite has one writer), WAL journal, {@code synchronous=FULL},
     * transactions begun IMMEDIATE so that another process writing the same file waits (up to
     * 10 s) rather than failing half-way.
     */
    private static final class Sqlite extends Store {
        private final Path file;
        private final SQLiteDataSource ds;
        private final ReentrantLock lock = new ReentrantLock();
        private Connection connection;

        Sqlite(Path file) {
            this.file = file;
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(10_000);
            config.setCacheSize(-16_384); // 16 MiB of pages (the default is 2 MiB): more of the indexes stay in memory
            ds = new SQLiteDataSource(config);
            ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        }

        @Override
        DataSource dataSource() {
            return ds;
        }

        @Override
        String dialect() {
            return "sqlite";
        }

        @Override
        String lockState() {
            return "SELECT origin, allow_unsigned, hub_key, hub_key_file, tree_size FROM ledger_state WHERE id = 1";
        }

        private Connection connection() throws SQLException {
            if (connection == null) {
                connection = ds.getConnection(); // auto-commit: transactions are begun and ended below
            }
            return connection;
        }

        @Override
        <T> T read(Work<T> work) throws SQLException {
            return run("BEGIN DEFERRED", work); // a read snapshot that takes no write lock
        }

        @Override
        <T> T write(Work<T> work) throws SQLException {
            return run("BEGIN IMMEDIATE", work); // the write lock at once: no failed upgrade half-way
        }

        /*
         * The driver's own transactions (auto-commit off) begin the next one as soon as one commits,
         * which in IMMEDIATE mode would hold the file's write lock between appends; so each unit of
         * work begins and ends its own.
         */
        private <T> T run(String begin, Work<T> work) throws SQLException {
            lock.lock();
            try {
                Connection c = connection();
                try (Statement st = c.createStatement()) {
                    st.execute(begin);
                    try {
                        T t = work.run(c);
                        st.execute("COMMIT");
                        return t;
                    } catch (SQLException | RuntimeException e) {
                        try {
                            st.execute("ROLLBACK");
                        } catch (SQLException suppressed) {
                            e.addSuppressed(suppressed);
                        }
                        throw e;
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        String describe() {
            return file.toString();
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
            } catch (SQLException e) {
                throw new LedgerException(LedgerException.DB, "cannot close " + file + ": " + e.getMessage(), e);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * PostgreSQL through a HikariCP pool: writers serialise on {@code SELECT … FOR UPDATE} of the
     * state row; readers see a repeatable-read snapshot. The password comes from the URL or, when
     * the URL has none, from {@value #PASSWORD_VARIABLE}.
     */
    private static final class Postgres extends Store {
        private final String url;
        private final HikariDataSource pool;

        Postgres(String url) {
            this.url = url;
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            String password = System.getenv(PASSWORD_VARIABLE);
            if (password != null && !url.contains("password=")) {
                config.setPassword(password);
            }
            config.setAutoCommit(false);
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(1);
            config.setPoolName("evalledger-ledger");
            config.setConnectionTimeout(10_000);
            config.setInitializationFailTimeout(10_000);
            try {
                pool = new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new LedgerException(LedgerException.DB, "cannot connect to " + describe(url) + ": " + rootMessage(e)
                        + " (the password comes from " + PASSWORD_VARIABLE + ")", e);
            }
        }

        @Override
        DataSource dataSource() {
            return pool;
        }

        @Override
        String dialect() {
            return "postgresql";
        }

        @Override
        String lockState() {
            return "SELECT origin, allow_unsigned, hub_key, hub_key_file, tree_size FROM ledger_state WHERE id = 1 FOR UPDATE";
        }

        @Override
        <T> T read(Work<T> work) throws SQLException {
            try (Connection c = pool.getConnection()) {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                try {
                    return inTransaction(c, work);
                } finally {
                    c.setReadOnly(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            }
        }

        @Override
        <T> T write(Work<T> work) throws SQLException {
            try (Connection c = pool.getConnection()) {
                return inTransaction(c, work);
            }
        }

        @Override
        String describe() {
            return describe(url);
        }

        private static String describe(String url) {
            return url.replaceAll("password=[^&]*", "password=***");
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
