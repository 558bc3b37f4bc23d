/** Importers and exporters between evaluation records and the formats other tools write. */
module org.evalledger.interop {
    requires transitive org.evalledger.schema;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;
    requires static org.jspecify;

    exports org.evalledger.interop;
}
