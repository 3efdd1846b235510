package org.gtt.content;

import java.nio.file.Path;

/**
 * A problem in the content, located by file and 1-based line (0 when no line applies, e.g. an unreadable file).
 * {@code toString()} gives the compiler-style form {@code content/en/01-x.md:3: message}.
 */
public record ContentError(Path file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
