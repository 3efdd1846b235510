package org.gtt.content;

/** A fenced-block handler's complaint about its block; the message should tell the author what to fix. */
public class BlockException extends Exception {
    public BlockException(String message) {
        super(message);
    }
}
