package org.evalledger.schema.internal;

/** JSON Pointer (RFC 6901) helpers. Stateless and thread-safe. */
public final class Pointers {
    private Pointers() {}

    /** {@code parent + "/" + escaped token}. */
    public static String child(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /** {@code parent + "/" + index}. */
    public static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
