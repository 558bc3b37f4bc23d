package org.evalledger.schema;

/**
 * Every problem this module reports, with a stable code (such as {@code EL-PARSE-DUPLICATE-KEY}).
 * Codes are a contract: they are never renamed or reused; new ones may be added.
 * {@code docs/errors.md} in the repository lists each with its cause and fix.
 * Immutable and thread-safe.
 */
public enum ErrorCode {
    // --- strict parsing (SCHEMA.md "Parsing"); the document is rejected before any schema check
    /** The document is larger than the configured limit (default 16 MiB). */
    PARSE_TOO_LARGE("EL-PARSE-TOO-LARGE", Severity.ERROR,
            "Split the document or raise the limit with ParseLimits.maxDocumentBytes."),
    /** The document starts with a byte-order mark. */
    PARSE_BOM("EL-PARSE-BOM", Severity.ERROR, "Save the file as UTF-8 without a byte-order mark."),
    /** The bytes are not well-formed UTF-8. */
    PARSE_UTF8("EL-PARSE-UTF8", Severity.ERROR, "Re-encode the file as UTF-8."),
    /** A string holds an unpaired UTF-16 surrogate escape. */
    PARSE_LONE_SURROGATE("EL-PARSE-LONE-SURROGATE", Severity.ERROR,
            "Escape characters outside the BMP as a high+low surrogate pair, or write them as UTF-8."),
    /** An object names the same member twice. */
    PARSE_DUPLICATE_KEY("EL-PARSE-DUPLICATE-KEY", Severity.ERROR, "Keep one member of each name in every object."),
    /** NaN or Infinity appears where a number is expected. */
    PARSE_NON_FINITE("EL-PARSE-NON-FINITE", Severity.ERROR,
            "JSON has no NaN or Infinity: leave the field out or use a finite number."),
    /** Something follows the document. */
    PARSE_TRAILING("EL-PARSE-TRAILING", Severity.ERROR, "A file holds exactly one JSON document: remove what follows it."),
    /** Arrays and objects are nested more than 64 deep. */
    PARSE_TOO_DEEP("EL-PARSE-TOO-DEEP", Severity.ERROR, "Flatten the document: at most 64 levels of nesting."),
    /** A string is longer than the configured limit (default 1 Mi characters). */
    PARSE_STRING_TOO_LONG("EL-PARSE-STRING-TOO-LONG", Severity.ERROR,
            "Move large content into an artifact file, or raise ParseLimits.maxStringChars."),
    /** A number does not fit an IEEE double (overflows, or underflows to zero). */
    PARSE_NUMBER_RANGE("EL-PARSE-NUMBER-RANGE", Severity.ERROR,
            "Write the number within the range of a 64-bit IEEE double (about 1e-308 to 1e308)."),
    /** The bytes are not JSON. */
    PARSE_SYNTAX("EL-PARSE-SYNTAX", Severity.ERROR, "Fix the JSON syntax at the position given."),

    // --- JSON Schema (record-v1.schema.json)
    /** The {@code schema} member is missing or names no version this library reads. */
    SCHEMA_VERSION("EL-SCHEMA-VERSION", Severity.ERROR,
            "Set \"schema\" to \"https://evalledger.org/schemas/record/v1\"."),
    /** A required member is missing. */
    SCHEMA_REQUIRED("EL-SCHEMA-REQUIRED", Severity.ERROR, "Add the member; SCHEMA.md lists what each object requires."),
    /** A member that the schema does not define. */
    SCHEMA_UNKNOWN_PROPERTY("EL-SCHEMA-UNKNOWN-PROPERTY", Severity.ERROR,
            "Fix the member's spelling, or move the data under \"extensions\" with a reverse-DNS key."),
    /** A value of the wrong JSON type. */
    SCHEMA_TYPE("EL-SCHEMA-TYPE", Severity.ERROR, "Use the JSON type the schema gives for this member."),
    /** A string that does not match its pattern (ids, hashes, timestamps, digests). */
    SCHEMA_PATTERN("EL-SCHEMA-PATTERN", Severity.ERROR, "Write the value in the form the message shows."),
    /** A value outside its enumeration. */
    SCHEMA_ENUM("EL-SCHEMA-ENUM", Severity.ERROR, "Use one of the values the message lists."),
    /** A number below its minimum or above its maximum. */
    SCHEMA_RANGE("EL-SCHEMA-RANGE", Severity.ERROR, "Use a number within the bounds the message gives."),
    /** A string that is too short or too long. */
    SCHEMA_LENGTH("EL-SCHEMA-LENGTH", Severity.ERROR, "Give a non-empty value within the length limit."),
    /** An array or object with too few or too many items. */
    SCHEMA_SIZE("EL-SCHEMA-SIZE", Severity.ERROR,
            "Leave optional arrays and objects out instead of writing them empty; keep within the item limits."),
    /** Any other JSON Schema violation. */
    SCHEMA_INVALID("EL-SCHEMA-INVALID", Severity.ERROR, "Change the value so that it matches record-v1.schema.json."),

    // --- semantic rules (SCHEMA.md, rules beyond the JSON Schema)
    /** A timestamp that matches the pattern but names no real date or time (e.g. February 30). */
    SEM_TIMESTAMP("EL-SEM-TIMESTAMP", Severity.ERROR, "Use a real calendar date and time in UTC."),
    /** A metric's {@code range.min} is greater than its {@code range.max}. */
    SEM_RANGE_ORDER("EL-SEM-RANGE-ORDER", Severity.ERROR, "Swap the bounds: range.min must not exceed range.max."),
    /** A metric value lies outside its {@code range}. */
    SEM_VALUE_OUT_OF_RANGE("EL-SEM-VALUE-OUT-OF-RANGE", Severity.ERROR,
            "Fix the value or the range; a value outside its own range cannot be right."),
    /** A proportion outside [0, 1] or a percentage outside [0, 100] with no range that allows it. */
    SEM_UNIT_BOUNDS("EL-SEM-UNIT-BOUNDS", Severity.ERROR,
            "Check the unit (a 45.2 is \"percent\", not \"proportion\"), or give a range that allows the value."),
    /** A confidence interval whose lower end is above its upper end, or that does not contain the value. */
    SEM_CONFIDENCE_INTERVAL("EL-SEM-CONFIDENCE-INTERVAL", Severity.ERROR,
            "Make lower <= value <= upper, in the same unit as the value."),
    /** More samples evaluated than the split holds. */
    SEM_SAMPLES("EL-SEM-SAMPLES", Severity.ERROR, "samples.evaluated must not exceed samples.total."),
    /** Two metrics of one result share an id. */
    SEM_DUPLICATE_METRIC("EL-SEM-DUPLICATE-METRIC", Severity.ERROR,
            "Give each metric of a result its own id; a second filter is a second result."),
    /** A metric's {@code n} differs from {@code samples.evaluated}. */
    SEM_N_MISMATCH("EL-SEM-N-MISMATCH", Severity.WARNING,
            "Fine when the metric counts other units (e.g. instruction-level); otherwise correct n."),
    /** {@code prompt.templateSha256} is not the SHA-256 of {@code prompt.template}. */
    SEM_TEMPLATE_HASH("EL-SEM-TEMPLATE-HASH", Severity.ERROR,
            "Recompute templateSha256 as the lower-case hex SHA-256 of the template's UTF-8 bytes."),
    /** {@code createdAt} lies more than 5 minutes after the validation time. */
    SEM_CREATED_IN_FUTURE("EL-SEM-CREATED-IN-FUTURE", Severity.WARNING,
            "Check the clock of the machine that wrote the record; createdAt must be in UTC.");

    private final String code;
    private final Severity severity;
    private final String fix;

    ErrorCode(String code, Severity severity, String fix) {
        this.code = code;
        this.severity = severity;
        this.fix = fix;
    }

    /** The stable code, e.g. {@code EL-SCHEMA-REQUIRED}. */
    public String code() {
        return code;
    }

    /** The severity this code is reported with. */
    public Severity severity() {
        return severity;
    }

    /** One sentence on how to fix it. */
    public String fix() {
        return fix;
    }

    /** The constant with this code, if any. */
    public static java.util.Optional<ErrorCode> of(String code) {
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
