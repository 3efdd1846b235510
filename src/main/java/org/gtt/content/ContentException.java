package org.gtt.content;

import java.util.List;

/** Thrown by the strict loader: carries every error found, not just the first. */
public class ContentException extends Exception {
    private final List<ContentError> errors;

    public ContentException(List<ContentError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ContentError> errors() {
        return errors;
    }

    private static String describe(List<ContentError> errors) {
        StringBuilder text = new StringBuilder(errors.size() + (errors.size() == 1 ? " content error" : " content errors"));
        for (ContentError error : errors) {
            text.append('\n').append(error);
        }
        return text.toString();
    }
}
