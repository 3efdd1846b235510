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
     * @param context  the lesson's language, its file and the line of the opening fence
     * @return HTML that replaces the block, inserted as it is, written in {@code context.lang()}
     * @throws BlockException for bad input; it becomes a {@link ContentError} at {@code context.line()}
     */
    String render(String argument, String body, BlockContext context) throws BlockException;
}
