/** Importers and exporters between evaluation records and the formats other tools write. */
module org.evalledger.interop {
    requires transitive org.evalledger.schema;
    requires static org.jspecify;

    exports org.evalledger.interop;
}
