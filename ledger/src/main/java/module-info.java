/**
 * The tamper-evident history of evaluation results (LEDGER.md): an RFC 9162 Merkle log and its
 * offline-verifiable proofs.
 */
module org.evalledger.ledger {
    requires transitive org.evalledger.schema;
    requires transitive org.evalledger.signing;
    requires static transitive org.jspecify;
    requires java.sql;
    requires transitive org.evalledger.anomaly;
    requires flyway.core;
    requires com.zaxxer.hikari;
    requires org.xerial.sqlitejdbc;

    exports org.evalledger.ledger;
}
