/**
 * Signed evaluation records: DSSE envelopes carrying in-toto Statements, Ed25519 and ECDSA P-256
 * keys, trust policies, countersignatures and verification statuses (SIGNING.md).
 */
module org.evalledger.signing {
    requires transitive org.evalledger.schema;
    requires org.bouncycastle.provider;
    requires static org.jspecify;

    exports org.evalledger.signing;
}
