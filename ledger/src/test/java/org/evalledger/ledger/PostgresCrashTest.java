package org.evalledger.ledger;

/** The crash test on a PostgreSQL server (see {@link TestDatabases}). */
class PostgresCrashTest extends LedgerCrashContract {
    @Override
    String newDatabase() {
        return TestDatabases.newPostgres();
    }
}
