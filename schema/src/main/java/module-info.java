/**
 * The JSON wire format of evaluation records: strict parsing, the published JSON Schema,
 * validation, RFC 8785 canonical JSON and record digests.
 */
module org.evalledger.schema {
    requires transitive org.evalledger.core;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires com.networknt.schema;
    requires static org.jspecify;

    exports org.evalledger.schema;
}
