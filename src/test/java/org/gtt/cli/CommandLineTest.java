package org.gtt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The jar's command line: help with defaults, usage errors, and build errors that name file and line. */
class CommandLineTest {
    @TempDir Path temp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommandAndEveryOptionWithItsDefault() {
        assertTrue(run("--help").out.contains("serve") && run("--help").out.contains("build"));
        Run serve = run("serve", "--help");
        assertEquals(0, serve.code);
        for (String expected : new String[] {"--port", "(default: 7070)", "--host", "(default: 127.0.0.1)", "--base-path", "(default: /)", "--content", "--dev"}) {
            assertTrue(serve.out.contains(expected), expected + " in\n" + serve.out);
        }
        Run bench = run("bench", "--help");
        assertEquals(0, bench.code);
        assertTrue(bench.out.contains("--quick") && bench.out.contains("(default: python3)"), bench.out);
        Run benchTrain = run("bench", "train", "--help");
        assertEquals(0, benchTrain.code);
        for (String expected : new String[] {"bench train", "--python", "--dtype", "(default: both)", "--no-torch"}) {
            assertTrue(benchTrain.out.contains(expected), expected + " in\n" + benchTrain.out);
        }
        Run build = run("build", "--help");
        for (String expected : new String[] {"--out", "--base-path", "(default: /)", "--content"}) {
            assertTrue(build.out.contains(expected), expected + " in\n" + build.out);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "frobnicate|unknown command 'frobnicate'",
        "serve --port 99999|--port must be a whole number from 0 to 65535",
        "serve --port seven|--port must be a whole number",
        "serve --colour blue|unknown option '--colour'",
        "serve --base-path ../x|--base-path must be a URL path",
        "build|build needs --out DIR",
        "bench train --threads 2|unknown option '--threads'",
        "serve --content /no/such/folder|--content: no such folder",
    })
    void wrongCommandLinesSayWhatIsWrong(String args, String message) {
        Run result = run(args.split(" "));
        assertEquals(2, result.code);
        assertTrue(result.err.contains(message), result.err);
        assertFalse(result.err.contains("Exception"), "no stack trace");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en/01-a.md|---\\ntitle: A\\nsummary: S\\n|en/01-a.md:1:",
        "en/01-a.md|---\\nsummary: S\\n---\\ntext\\n|en/01-a.md:1:",
        "en/01-a.md|---\\ntitle: A\\nsummary: S\\nauthor: me\\n---\\ntext\\n|en/01-a.md:4:",
        "en/01-a.md|---\\ntitle: A\\nsummary: S\\nthis is not yaml\\n---\\ntext\\n|en/01-a.md:4:",
        "fr/01-a.md|---\\ntitle: A\\nsummary: S\\n---\\ntext\\n|fr",
        "en/intro.md|---\\ntitle: A\\nsummary: S\\n---\\ntext\\n|en/intro.md",
    })
    void badLessonsFailTheBuildNamingFileAndLine(String file, String text, String location) throws IOException {
        Path content = temp.resolve("content");
        Files.createDirectories(content.resolve("en"));
        Files.writeString(content.resolve("course.yml"),
                "en:\n  title: T\n  description: D\nzh:\n  title: T\n  description: D\n");
        Files.writeString(content.resolve("en/02-good.md"), "---\ntitle: Good\nsummary: Fine\n---\n\nText.\n");
        Path lesson = content.resolve(file);
        Files.createDirectories(lesson.getParent());
        Files.writeString(lesson, text.replace("\\n", "\n"));

        Run result = run("build", "--out", temp.resolve("out").toString(), "--content", content.toString());

        assertEquals(1, result.code);
        assertTrue(result.err.contains(content.resolve(location.replaceAll(":.*", "")).toString() + location.replaceAll("^[^:]*", "")),
                "names " + location + ":\n" + result.err);
        assertFalse(Files.exists(temp.resolve("out")), "nothing written");
    }

    @Test
    void serveRefusesBrokenLessonsNamingFileAndLine() throws IOException {
        Path content = temp.resolve("content");
        Files.createDirectories(content.resolve("en"));
        Files.writeString(content.resolve("course.yml"), "en:\n  title: T\n  description: D\nzh:\n  title: T\n  description: D\n");
        Files.writeString(content.resolve("en/01-a.md"), "---\ntitle: A\nsummary: S\ncolour: red\n---\ntext\n");
        Run result = run("serve", "--port", "0", "--content", content.toString());
        assertEquals(1, result.code);
        assertTrue(result.err.contains("01-a.md:4"), result.err);
    }
}
