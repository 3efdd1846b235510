package org.gtt.content;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;

/**
 * A display-math block: a line starting with {@code $$}, up to the line ending with {@code $$} (possibly the same
 * line). Its lines are raw text, so {@code \\} line breaks, {@code &} and {@code _} in an {@code aligned}
 * environment reach the page untouched. It may interrupt a paragraph. A line with text after a closing
 * {@code $$} is not a block: the inline parser takes that one.
 */
final class DisplayMathParser extends AbstractBlockParser {
    private static final String FENCE = "$$";

    private final DisplayMath block = new DisplayMath();
    private final List<String> lines = new ArrayList<>();
    private BasedSequence first;
    private BasedSequence last;
    private boolean closed;

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        return closed ? BlockContinue.none() : BlockContinue.atIndex(state.getIndex());
    }

    /** Receives the opening line (from just after its {@code $$}) and every following line up to the closing one. */
    @Override
    public void addLine(ParserState state, BasedSequence line) {
        BasedSequence text = line.trimEOL();
        if (first == null) {
            first = text;
        }
        last = text;
        String content = text.toString();
        if (content.stripTrailing().endsWith(FENCE)) {
            String stripped = content.stripTrailing();
            content = stripped.substring(0, stripped.length() - FENCE.length());
            closed = true;
        }
        lines.add(content);
    }

    @Override
    public void closeBlock(ParserState state) {
        BasedSequence chars = first.baseSubSequence(first.getStartOffset() - FENCE.length(), last.getEndOffset());
        block.finish(chars, String.join("\n", lines).strip(), closed);
    }

    static final class Factory implements CustomBlockParserFactory, IndependentExtension {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new StartMatcher(options);
        }
    }

    private static final class StartMatcher extends AbstractBlockParserFactory {
        StartMatcher(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine();
            int fence = state.getNextNonSpaceIndex();
            if (!line.matchChars(FENCE, fence) || !isBlockOpener(line.subSequence(fence + FENCE.length()).toString().strip())) {
                return BlockStart.none();
            }
            return BlockStart.of(new DisplayMathParser()).atIndex(fence + FENCE.length());
        }

        /** {@code rest} is what follows the opening {@code $$}: nothing, TeX, or TeX and the closing {@code $$}. */
        private static boolean isBlockOpener(String rest) {
            int nextFence = rest.indexOf(FENCE);
            if (nextFence < 0) {
                return true;
            }
            boolean closesAtEnd = nextFence == rest.length() - FENCE.length();
            return closesAtEnd && !rest.substring(0, nextFence).isBlank();
        }
    }
}
