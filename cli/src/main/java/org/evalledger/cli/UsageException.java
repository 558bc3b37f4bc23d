package org.evalledger.cli;

/** A usage error or a path that cannot be opened: exit code 2 with a one-line message. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
