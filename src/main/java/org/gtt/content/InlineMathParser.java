package org.gtt.content;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;


/**
 * Inline math with Pandoc's rules: {@code $} opens when a non-space follows it; {@code $} closes when a non-space
 * precedes it and no digit follows it ("costs $5 and $6" stays text). {@code $$…$$} inside a paragraph is display
 * math. The TeX is taken from the raw input, so emphasis, escapes and braces inside it are never interpreted.
 * {@code \$} never reaches here: the core parser turns it into a literal dollar first. A backtick ends the search
 * for the closing dollar, so "$5 and `$x$`" leaves the code span alone (code binds tighter than math).
 */
final class InlineMathParser implements InlineParserExtension {
    private static final String DISPLAY_FENCE = "$$";

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int open = parser.getIndex();
        if (input.matchChars(DISPLAY_FENCE, open)) {
            return parseDisplay(parser, input, open);
        }
        int close = inlineClose(input, open);
        if (close < 0) {
            return false;
        }
        append(parser, new InlineMath(input.subSequence(open, close + 1), input.subSequence(open + 1, close).toString(), false), close + 1);
        return true;
    }

    private static boolean parseDisplay(LightInlineParser parser, BasedSequence input, int open) {
        int close = input.indexOf(DISPLAY_FENCE, open + 2);
        if (close < 0 || input.subSequence(open + 2, close).isBlank()) {
            // Both dollars become text, so the second one cannot open inline math on its own.
            parser.appendText(input.subSequence(open, open + 2));
            parser.setIndex(open + 2);
            return true;
        }
        String tex = input.subSequence(open + 2, close).toString().strip();
        append(parser, new InlineMath(input.subSequence(open, close + 2), tex, true), close + 2);
        return true;
    }

    /** The index of the closing {@code $} for the {@code $} at {@code open}, or -1 when it is a literal dollar. */
    private static int inlineClose(BasedSequence input, int open) {
        int contentStart = open + 1;
        if (contentStart >= input.length() || Character.isWhitespace(input.charAt(contentStart))) {
            return -1;
        }
        for (int index = contentStart; index < input.length(); index++) {
            char c = input.charAt(index);
            if (c == '`') {
                return -1;
            } else if (c == '\\') {
                index++; // \$ and \\ inside TeX belong to the formula
            } else if (c == '$' && index > contentStart && canClose(input, index)) {
                return index;
            }
        }
        return -1;
    }

    private static boolean canClose(BasedSequence input, int dollar) {
        boolean spaceBefore = Character.isWhitespace(input.charAt(dollar - 1));
        boolean digitAfter = dollar + 1 < input.length() && Character.isDigit(input.charAt(dollar + 1));
        return !spaceBefore && !digitAfter;
    }

    private static void append(LightInlineParser parser, InlineMath math, int end) {
        parser.flushTextNode();
        parser.getBlock().appendChild(math);
        parser.setIndex(end);
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    static final class Factory implements InlineParserExtensionFactory, IndependentExtension {
        @Override
        public CharSequence getCharacters() {
            return "$";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser lightInlineParser) {
            return new InlineMathParser();
        }
    }
}
