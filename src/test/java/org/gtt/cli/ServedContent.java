package org.gtt.cli;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** `serve` started exactly as the command line does, on a free port, over a folder of lessons a test writes. */
final class ServedContent implements AutoCloseable {
    private final Javalin app;

    private ServedContent(Javalin app) {
        this.app = app;
    }

    static ServedContent serve(Path content, String... extraOptions) {
        String[] args = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--port", "0", "--content", content.toString()), java.util.stream.Stream.of(extraOptions))
                .toArray(String[]::new);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        return new ServedContent(ServeCommand.start(Options.parse(args, ServeCommand.SPEC), quiet, quiet));
    }

    static void writeCourseFile(Path content) throws IOException {
        Files.writeString(content.resolve("course.yml"), "en:\n  title: Course\n  description: D\nzh:\n  title: 课程\n  description: 简介\n");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.stop();
    }
}
