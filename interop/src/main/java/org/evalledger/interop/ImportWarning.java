package org.evalledger.interop;

/**
 * Something of the source that has no field of its own: where it is in the source and where it
 * went (always under {@code extensions}; nothing is dropped silently). Immutable and thread-safe.
 *
 * @param path where in the source, e.g. {@code configs.gsm8k.doc_to_target}
 * @param message what happened to it
 */
public record ImportWarning(String path, String message) {}
