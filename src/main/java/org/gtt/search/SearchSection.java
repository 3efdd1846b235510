package org.gtt.search;

/**
 * One searchable part of a lesson: the text under one h2 or h3 (or the lesson's opening text, before its
 * first heading, with an empty heading and anchor). {@code page} is the lesson's address relative to the
 * site root; {@code anchor} is the heading's element id.
 */
public record SearchSection(String title, String heading, String text, String page, String anchor) {

    /** The section's address relative to the site root: the page, and the heading's anchor if it has one. */
    public String href() {
        return anchor.isEmpty() ? page : page + "#" + anchor;
    }
}
