package org.evalledger.schema.internal;

import java.util.List;
import java.util.function.Supplier;
import org.evalledger.core.JsonValue;
import org.evalledger.schema.ErrorCode;
import org.evalledger.schema.Issue;
import org.evalledger.schema.ParseLimits;
import org.evalledger.schema.RecordFormatException;
import org.evalledger.schema.Severity;
import org.evalledger.schema.internal.json.JsonReadException;
import org.evalledger.schema.internal.json.StrictJsonReader;
import tools.jackson.databind.JsonNode;

/** Strict parsing with our error codes. Stateless and thread-safe. */
public final class Documents {
    private Documents() {}

    /**
     * Parses untrusted bytes strictly (SCHEMA.md "Parsing").
     *
     * @throws RecordFormatException with an {@code EL-PARSE-*} code for anything that is not strict JSON
     */
    public static JsonNode parse(byte[] bytes, ParseLimits limits) {
        return strictly(() -> StrictJsonReader.read(bytes, limits.maxDocumentBytes(), limits.maxStringChars()));
    }

    /**
     * Parses untrusted bytes strictly into core values, with the same rejections as {@link #parse}.
     *
     * @throws RecordFormatException with an {@code EL-PARSE-*} code for anything that is not strict JSON
     */
    public static JsonValue parseValue(byte[] bytes, ParseLimits limits) {
        return strictly(() -> StrictJsonReader.readValue(bytes, limits.maxDocumentBytes(), limits.maxStringChars()));
    }

    /**
     * Parses untrusted bytes strictly into core values, as {@link #parseValue} does, and also says
     * whether the bytes are their own RFC 8785 form and where the root object's members lie.
     *
     * @throws RecordFormatException with an {@code EL-PARSE-*} code for anything that is not strict JSON
     */
    public static StrictJsonReader.Read readDocument(byte[] bytes, ParseLimits limits) {
        return strictly(() -> StrictJsonReader.readDocument(bytes, limits.maxDocumentBytes(), limits.maxStringChars()));
    }

    /** Runs a reader, turning its failures into our issues. */
    private static <T> T strictly(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (JsonReadException e) {
            throw new RecordFormatException(List.of(issue(e)));
        } catch (StackOverflowError | OutOfMemoryError e) {
            // the reader bounds its depth and sizes, so this is a defect; still, never let it escape raw
            throw new RecordFormatException(List.of(Issue.of(ErrorCode.PARSE_TOO_LARGE, "",
                    "the document could not be parsed within the available memory or stack ("
                            + e.getClass().getSimpleName() + "); lower ParseLimits or simplify the document.")));
        }
    }

    /** The issue of a reader failure. */
    public static Issue issue(JsonReadException e) {
        String code = ErrorCode.of(e.code()).map(ErrorCode::code).orElse(ErrorCode.PARSE_SYNTAX.code());
        return new Issue(code, Severity.ERROR, "", e.getMessage() == null ? code : e.getMessage());
    }
}
