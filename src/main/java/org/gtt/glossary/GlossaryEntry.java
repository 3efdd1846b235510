package org.gtt.glossary;

import java.util.Map;
import org.gtt.content.Lang;

/**
 * One term of the glossary: its name and one-line definition in each language, the lesson that introduces it
 * (its slug) and the heading there, by the id the heading has in each language; {@code line} is where the entry
 * starts in glossary.yml.
 */
public record GlossaryEntry(Map<Lang, String> term, Map<Lang, String> definition, String lesson, Map<Lang, String> anchor,
                            int line) {
    public GlossaryEntry {
        term = Map.copyOf(term);
        definition = Map.copyOf(definition);
        anchor = Map.copyOf(anchor);
    }
}
