package org.gtt.glossary;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gtt.content.ContentError;
import org.gtt.content.Lang;
import org.gtt.content.LessonOutline;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * content/glossary.yml, read with SnakeYAML's node tree so that every problem is reported at its line: a list of
 * entries, each a mapping with exactly the keys {@code term}, {@code definition} and {@code anchor} (each a
 * mapping from every language code to text) and {@code lesson} (a lesson's slug). The lesson must exist in every
 * language and have a heading with the anchor's id in that language. All problems are collected, not just the first.
 */
public final class Glossary {
    public static final String FILE = "glossary.yml";
    private static final List<String> KEYS = List.of("term", "definition", "lesson", "anchor");

    /** The entries (complete only when {@code errors} is empty) and what is wrong with the file. */
    public record Result(List<GlossaryEntry> entries, List<ContentError> errors) {}

    private final Path file;
    private final Map<Lang, Map<String, LessonOutline>> lessons;
    private final List<ContentError> errors = new ArrayList<>();

    private Glossary(Path file, Map<Lang, Map<String, LessonOutline>> lessons) {
        this.file = file;
        this.lessons = lessons;
    }

    /** @param lessons the course's lessons by language and slug, to check each entry's lesson and anchor */
    public static Result parse(Path file, String text, Map<Lang, Map<String, LessonOutline>> lessons) {
        Glossary glossary = new Glossary(file, lessons);
        List<GlossaryEntry> entries = glossary.entries(text);
        return new Result(List.copyOf(entries), List.copyOf(glossary.errors));
    }

    private List<GlossaryEntry> entries(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            error(mark == null ? 1 : mark.getLine() + 1, "not valid YAML: " + e.getProblem());
            return List.of();
        } catch (YAMLException e) {
            error(1, "not valid YAML: " + e.getMessage());
            return List.of();
        }
        if (!(root instanceof SequenceNode list) || list.getValue().isEmpty()) {
            error(root == null ? 1 : line(root), "the glossary must be a non-empty list of entries ('- term: …')");
            return List.of();
        }
        List<GlossaryEntry> entries = new ArrayList<>();
        Map<Lang, Set<String>> seen = new EnumMap<>(Lang.class);
        for (Node item : list.getValue()) {
            GlossaryEntry entry = entry(item);
            if (entry != null && isNew(entry, seen)) entries.add(entry);
        }
        return entries;
    }

    private GlossaryEntry entry(Node item) {
        if (!(item instanceof MappingNode mapping)) {
            error(line(item), "an entry must be a mapping with the keys " + String.join(", ", KEYS));
            return null;
        }
        Map<String, Node> fields = fields(mapping, KEYS, "entry");
        int errorsBefore = errors.size();
        Map<Lang, String> term = perLanguage(fields, "term", mapping);
        Map<Lang, String> definition = perLanguage(fields, "definition", mapping);
        Map<Lang, String> anchor = perLanguage(fields, "anchor", mapping);
        String lesson = lesson(fields.get("lesson"), mapping);
        if (lesson != null && anchor != null) checkAnchors(lesson, anchor, fields.get("anchor"));
        if (errors.size() > errorsBefore || term == null || definition == null || anchor == null || lesson == null) return null;
        return new GlossaryEntry(term, definition, lesson, anchor, line(mapping));
    }

    /** The mapping's values by key; unknown and repeated keys are errors at their line. */
    private Map<String, Node> fields(MappingNode mapping, List<String> allowed, String what) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                error(line(tuple.getKeyNode()), "unknown key '" + key + "' in a glossary " + what + " (allowed: " + String.join(", ", allowed) + ")");
            } else if (fields.put(key, tuple.getValueNode()) != null) {
                error(line(tuple.getKeyNode()), "'" + key + "' is given twice");
            }
        }
        return fields;
    }

    /** A field holding text per language, such as {@code term: {en: …, zh: …}}; null (with errors) if not complete. */
    private Map<Lang, String> perLanguage(Map<String, Node> fields, String key, MappingNode entry) {
        Node node = fields.get(key);
        if (node == null) {
            error(line(entry), "the entry has no '" + key + "'");
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            error(line(node), "'" + key + "' must give the text in each language, like '" + key + ": {en: …, zh: …}'");
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (Lang lang : Lang.values()) codes.add(lang.code());
        Map<String, Node> texts = fields(mapping, codes, "'" + key + "'");
        Map<Lang, String> values = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String text = text(texts.get(lang.code()), key + "." + lang.code(), mapping);
            if (text != null) values.put(lang, text);
        }
        return values.size() == Lang.values().length ? values : null;
    }

    private String lesson(Node node, MappingNode entry) {
        String slug = text(node, "lesson", entry);
        if (slug == null) return null;
        for (Lang lang : Lang.values()) {
            if (!lessons.get(lang).containsKey(slug)) {
                error(line(node), "unknown lesson '" + slug + "' in " + lang.code() + " (the lessons are " + String.join(", ", lessons.get(lang).keySet()) + ")");
                return null;
            }
        }
        return slug;
    }

    private void checkAnchors(String slug, Map<Lang, String> anchor, Node node) {
        for (Lang lang : Lang.values()) {
            LessonOutline outline = lessons.get(lang).get(slug);
            if (outline.heading(anchor.get(lang)).isEmpty()) {
                List<String> ids = outline.headings().stream().map(h -> h.id()).toList();
                error(line(node), "lesson '" + slug + "' has no heading with the id '" + anchor.get(lang) + "' in " + lang.code()
                        + " (its headings: " + String.join(", ", ids) + ")");
            }
        }
    }

    /** A non-empty scalar, or null with an error naming {@code what}. */
    private String text(Node node, String what, Node parent) {
        if (node == null) {
            error(line(parent), "'" + what + "' is missing");
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            error(line(node), "'" + what + "' must be text");
            return null;
        }
        if (scalar.getValue().isBlank()) {
            error(line(node), "'" + what + "' is empty");
            return null;
        }
        return scalar.getValue().strip();
    }

    /** A term may appear once per language. */
    private boolean isNew(GlossaryEntry entry, Map<Lang, Set<String>> seen) {
        boolean fresh = true;
        for (Lang lang : Lang.values()) {
            if (!seen.computeIfAbsent(lang, l -> new HashSet<>()).add(entry.term().get(lang))) {
                error(entry.line(), "the term '" + entry.term().get(lang) + "' (" + lang.code() + ") is already in the glossary");
                fresh = false;
            }
        }
        return fresh;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private void error(int line, String message) {
        errors.add(new ContentError(file, line, message));
    }
}
