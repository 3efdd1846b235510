package org.gtt.content;

/**
 * Renders a fenced block whose info string starts with the keyword it is registered under, e.g.
 * {@code ```widget rnn} with keyword {@code widget}. Called from several threads at once: keep it stateless.
 */
@FunctionalInterface
public interface FencedBlockHandler {

    /**
     * @param argument the rest of the info string after the keyword, trimmed ("rnn")
     * @param body     the block's content
     * @param line     the 1-based line of the opening fence in the .md file
     * @return HTML that replaces the block, inserted as it is
     * @throws BlockException for bad input; it becomes a {@link ContentError} at {@code line}
     */
    String render(String argument, String body, int line) throws BlockException;
}
