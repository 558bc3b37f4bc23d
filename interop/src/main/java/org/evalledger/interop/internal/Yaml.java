package org.evalledger.interop.internal;

import java.nio.charset.StandardCharsets;
import org.evalledger.core.JsonValue;
import org.evalledger.interop.ImportException;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.RecordFormatException;
import org.evalledger.schema.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * YAML documents (model cards, {@code .eval_results}) as core JSON values: read with Jackson's
 * YAML module (snakeyaml-engine bounds aliases), then passed through the same strict JSON reader
 * as every other input, so depth and size limits hold for YAML too. Thread-safe.
 */
public final class Yaml {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Yaml() {}

    /** The YAML text as a JSON value. @throws ImportException NOT_JSON when it is not YAML we can read */
    public static JsonValue parse(String yaml, ParseLimits limits) {
        if (yaml.length() > limits.maxDocumentBytes()) {
            throw new ImportException(ImportException.NOT_JSON, "the YAML document is larger than " + limits.maxDocumentBytes() + " bytes");
        }
        try {
            JsonNode node = YAML.readTree(yaml);
            return StrictJson.parse(JSON.writeValueAsBytes(node), limits);
        } catch (JacksonException e) {
            throw new ImportException(ImportException.NOT_JSON, "not readable YAML: " + e.getOriginalMessage());
        } catch (RecordFormatException e) {
            throw new ImportException(ImportException.NOT_JSON, "the YAML does not fit the strict limits: " + e.getMessage());
        }
    }

    /** The YAML front matter of a Markdown file (between the first two {@code ---} lines). */
    public static String frontMatter(byte[] markdown) {
        String text = new String(markdown, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        if (!text.startsWith("---\n")) {
            throw new ImportException(ImportException.MISSING, "the model card has no YAML front matter (it must start with ---)");
        }
        int end = text.indexOf("\n---", 4);
        if (end < 0) {
            throw new ImportException(ImportException.MISSING, "the model card's front matter is not closed by a --- line");
        }
        return text.substring(4, end + 1);
    }
}
