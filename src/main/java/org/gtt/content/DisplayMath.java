package org.gtt.content;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code $$ … $$} block, holding the raw TeX between the fences. */
final class DisplayMath extends Block {
    private String tex = "";
    private boolean closed;

    String tex() {
        return tex;
    }

    boolean closed() {
        return closed;
    }

    void finish(BasedSequence chars, String tex, boolean closed) {
        setChars(chars);
        this.tex = tex;
        this.closed = closed;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
