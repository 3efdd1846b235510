package org.gtt.cli;

/** The command line is wrong: the message says how, for the user. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
