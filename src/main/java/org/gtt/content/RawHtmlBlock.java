package org.gtt.content;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** HTML produced by a {@link FencedBlockHandler} (or an error box), replacing the fenced block in the tree. */
final class RawHtmlBlock extends Block {
    private final String html;

    RawHtmlBlock(BasedSequence chars, String html) {
        super(chars);
        this.html = html;
    }

    String html() {
        return html;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
