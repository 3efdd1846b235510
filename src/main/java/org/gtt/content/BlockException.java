package org.gtt.content;

import java.util.List;

/**
 * A fenced-block handler's complaint about its block; the message should tell the author what to fix. A block
 * that reads another file (the glossary) can instead name the places in that file, which the build then reports
 * as they are, rather than at the block's line.
 */
public class BlockException extends Exception {
    private final List<ContentError> located;

    public BlockException(String message) {
        super(message);
        this.located = List.of();
    }

    /** @param located problems in another file, each with its own file and line (at least one) */
    public BlockException(List<ContentError> located) {
        super(located.get(0).toString());
        this.located = List.copyOf(located);
    }

    /** The problems located in another file, or empty when the message is about the block itself. */
    public List<ContentError> located() {
        return located;
    }
}
