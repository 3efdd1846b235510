package org.gtt.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A course of one lesson, in both languages, holding a short race (T = 10, 300 iterations, three runners): no bundled recording. */
public final class ShortRaceCourse {
    public static final String LESSON = """
            ---
            title: Race
            summary: A short training race.
            ---

            The race.

            ```widget train
            steps: 10
            iterations: 300
            irnn: false
            ```
            """;

    private ShortRaceCourse() {}

    /** The repository's course file and the lesson, written into {@code content}. */
    public static Path write(Path content) throws IOException {
        for (String lang : List.of("en", "zh")) {
            Files.createDirectories(content.resolve(lang));
            Files.writeString(content.resolve(lang).resolve("01-race.md"), LESSON);
        }
        Files.copy(Path.of("content", "course.yml"), content.resolve("course.yml"));
        return content;
    }
}
