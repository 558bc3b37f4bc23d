package org.evalledger.ledger;

/**
 * The store contract on a real PostgreSQL server (a new database per test; see
 * {@link TestDatabases}: skipped without a server on a developer machine, required under CI).
 */
class PostgresLedgerTest extends LedgerStoreContract {
    @Override
    String newDatabase() {
        return TestDatabases.newPostgres();
    }

    @Override
    String editEntryBytes(long index) {
        return "UPDATE entries SET entry = convert_to(replace(convert_from(entry, 'UTF8'), 'SELF_REPORTED', 'SELF_REPORTEE'), 'UTF8') "
                + "WHERE idx = " + index;
    }

    @Override
    String zeroNode(int level, long index) {
        return "UPDATE nodes SET hash = decode(repeat('00', 32), 'hex') WHERE level = " + level + " AND idx = " + index;
    }
}
