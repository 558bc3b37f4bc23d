package org.evalledger.ledger;

/** The store contract on a real SQLite file. */
class SqliteLedgerTest extends LedgerStoreContract {
    private int n;

    @Override
    String newDatabase() {
        return dir.resolve("ledger-" + (n++) + ".db").toString();
    }

    @Override
    String editEntryBytes(long index) {
        return "UPDATE entries SET entry = CAST(REPLACE(CAST(entry AS TEXT), 'SELF_REPORTED', 'SELF_REPORTEE') AS BLOB) WHERE idx = " + index;
    }

    @Override
    String zeroNode(int level, long index) {
        return "UPDATE nodes SET hash = zeroblob(32) WHERE level = " + level + " AND idx = " + index;
    }
}
