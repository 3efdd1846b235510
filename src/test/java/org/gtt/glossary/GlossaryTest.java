package org.gtt.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gtt.content.ContentError;
import org.gtt.content.Lang;
import org.gtt.content.LessonOutline;
import org.gtt.content.TocEntry;
import org.junit.jupiter.api.Test;

/** The glossary file: a good one reads completely; each kind of mistake is an error at its file and line. */
class GlossaryTest {
    private static final Path FILE = Path.of("content", Glossary.FILE);
    private static final Map<Lang, Map<String, LessonOutline>> LESSONS = new EnumMap<>(Map.of(
            Lang.EN, Map.of("lstm", new LessonOutline(5, "lstm", "LSTM", List.of(new TocEntry(2, "the-forget-gate", "The forget gate")))),
            Lang.ZH, Map.of("lstm", new LessonOutline(5, "lstm", "LSTM", List.of(new TocEntry(2, "遗忘门", "遗忘门"))))));

    private static final String GOOD = """
            # a comment
            - term: {en: forget gate, zh: 遗忘门}
              definition:
                en: The gate that scales the old cell state.
                zh: 缩放旧细胞状态的门。
              lesson: lstm
              anchor: {en: the-forget-gate, zh: 遗忘门}
            """;

    private static Glossary.Result parse(String text) {
        return Glossary.parse(FILE, text, LESSONS);
    }

    /** The single error of {@code text}, as "line: message". */
    private static String onlyError(String text) {
        List<ContentError> errors = parse(text).errors();
        assertEquals(1, errors.size(), "errors: " + errors);
        assertEquals(FILE, errors.get(0).file());
        return errors.get(0).line() + ": " + errors.get(0).message();
    }

    @Test
    void aGoodEntryReadsCompletely() {
        Glossary.Result result = parse(GOOD);
        assertEquals(List.of(), result.errors());
        GlossaryEntry entry = result.entries().get(0);
        assertEquals("forget gate", entry.term().get(Lang.EN));
        assertEquals("遗忘门", entry.term().get(Lang.ZH));
        assertEquals("缩放旧细胞状态的门。", entry.definition().get(Lang.ZH));
        assertEquals("lstm", entry.lesson());
        assertEquals("the-forget-gate", entry.anchor().get(Lang.EN));
        assertEquals(2, entry.line());
    }

    @Test
    void theCoursesGlossaryReadsWithoutErrors() throws IOException {
        Path content = Path.of("content");
        Map<Lang, Map<String, LessonOutline>> lessons = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) lessons.put(lang, LessonOutline.of(content, lang));
        Glossary.Result result = Glossary.parse(FILE, Files.readString(FILE, StandardCharsets.UTF_8), lessons);
        assertEquals(List.of(), result.errors());
        assertTrue(result.entries().size() >= 25, result.entries().size() + " entries");
    }

    @Test
    void anUnknownKeyIsNamedAtItsLine() {
        assertEquals("7: unknown key 'lesons' in a glossary entry (allowed: term, definition, lesson, anchor)",
                onlyError(GOOD.replace("  lesson: lstm", "  lesson: lstm\n  lesons: lstm")));
    }

    @Test
    void aMissingFieldIsNamedAtItsEntry() {
        assertEquals("2: the entry has no 'definition'", onlyError(GOOD.replaceAll("(?s)  definition:.*?(?=  lesson)", "")));
    }

    @Test
    void aMissingLanguageIsNamedAtItsMapping() {
        assertEquals("2: 'term.zh' is missing", onlyError(GOOD.replace(", zh: 遗忘门}", "}").replace("{en: the-forget-gate}", "{en: the-forget-gate, zh: 遗忘门}")));
    }

    @Test
    void anUnknownLanguageIsNamedAtItsLine() {
        assertEquals("2: unknown key 'fr' in a glossary 'term' (allowed: en, zh)", onlyError(GOOD.replace("{en: forget gate, zh: 遗忘门}", "{en: forget gate, zh: 遗忘门, fr: porte d'oubli}")));
    }

    @Test
    void anUnknownLessonIsNamedAtItsLine() {
        assertEquals("6: unknown lesson 'lstn' in en (the lessons are lstm)", onlyError(GOOD.replace("lesson: lstm", "lesson: lstn")));
    }

    @Test
    void anAnchorTheLessonDoesNotHaveIsNamedAtItsLine() {
        assertEquals("7: lesson 'lstm' has no heading with the id 'forget-gate' in en (its headings: the-forget-gate)",
                onlyError(GOOD.replace("en: the-forget-gate", "en: forget-gate")));
    }

    @Test
    void aTermGivenTwiceIsNamedAtTheSecondEntry() {
        assertEquals("8: the term 'forget gate' (en) is already in the glossary",
                onlyError(GOOD + GOOD.substring(GOOD.indexOf("- term")).replace("{en: forget gate, zh: 遗忘门}", "{en: forget gate, zh: 遗忘门二}")));
    }

    @Test
    void anEmptyValueIsNamedAtItsLine() {
        assertEquals("4: 'definition.en' is empty", onlyError(GOOD.replace("en: The gate that scales the old cell state.", "en: ''")));
    }

    @Test
    void aYamlSyntaxErrorIsNamedAtItsLine() {
        String broken = GOOD.replace("  lesson: lstm", "  lesson: [lstm");
        ContentError error = parse(broken).errors().get(0);
        assertEquals(FILE, error.file());
        assertTrue(error.line() >= 6 && error.message().startsWith("not valid YAML"), error.toString());
    }

    @Test
    void aFileThatIsNotAListSaysWhatItShouldBe() {
        assertEquals("1: the glossary must be a non-empty list of entries ('- term: …')", onlyError("term: forget gate\n"));
        assertEquals("1: the glossary must be a non-empty list of entries ('- term: …')", onlyError(""));
    }

    @Test
    void theErrorReadsLikeACompilerMessage() {
        ContentError error = parse(GOOD.replace("lesson: lstm", "lesson: lstn")).errors().get(0);
        assertEquals("content/glossary.yml:6: unknown lesson 'lstn' in en (the lessons are lstm)", error.toString());
    }
}
