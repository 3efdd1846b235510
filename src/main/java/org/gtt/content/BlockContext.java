package org.gtt.content;

import java.nio.file.Path;

/**
 * Where a fenced block sits: the language of its lesson (so the handler writes its labels in that language
 * only), the lesson file and the 1-based line of the opening fence in it.
 */
public record BlockContext(Lang lang, Path file, int line) {
}
