package org.gtt.content;

/** One heading of a lesson's table of contents: level 2 or 3, its element id and its plain text. */
public record TocEntry(int level, String id, String text) {
}
