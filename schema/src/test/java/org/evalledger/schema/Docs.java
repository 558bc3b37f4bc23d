package org.evalledger.schema;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds test documents by editing a golden one. */
final class Docs {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Docs() {}

    static ObjectNode tree(String golden) {
        return (ObjectNode) MAPPER.readTree(Golden.json(golden));
    }

    /** The golden document after an edit, as bytes. */
    static byte[] edited(String golden, Consumer<ObjectNode> edit) {
        ObjectNode root = tree(golden);
        edit.accept(root);
        return bytes(root);
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
