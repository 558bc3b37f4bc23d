package org.evalledger.ledger;

/** The crash test on a SQLite file. */
class SqliteCrashTest extends LedgerCrashContract {
    @Override
    String newDatabase() {
        return dir.resolve("crash.db").toString();
    }
}
