package org.evalledger.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON output: ordered maps and lists printed with two-space indentation. The mapper and the token
 * factory are each made on first use, so that a command that prints text does not build the mapper:
 * that costs a cold command about 0.1 s (its configuration, the java.time module, locale data).
 */
final class Json {
    private Json() {}

    /** The mapper of the JSON output. */
    static JsonMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** A token parser over the bytes, without the mapper. */
    static JsonParser parser(byte[] json) {
        return Tokens.FACTORY.createParser(ObjectReadContext.empty(), json);
    }

    static Map<String, Object> obj() {
        return new LinkedHashMap<>();
    }

    static void print(PrintWriter out, Object value) {
        out.println(mapper().writeValueAsString(value));
    }

    static byte[] bytes(Object value) {
        return mapper().writeValueAsBytes(value);
    }

    static JsonNode tree(byte[] json) {
        return mapper().readTree(json);
    }

    private static final class Mapper {
        static final JsonMapper INSTANCE = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    private static final class Tokens {
        static final JsonFactory FACTORY = new JsonFactory();
    }
}
