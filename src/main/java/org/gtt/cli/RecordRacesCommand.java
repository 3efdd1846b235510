package org.gtt.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.gtt.content.ContentException;
import org.gtt.content.CourseLoader;
import org.gtt.site.Site;
import org.gtt.site.Templates;
import org.gtt.train.TrainingParameters;
import org.gtt.widget.ApiWidgetData;
import org.gtt.widget.RaceRecordings;

/**
 * {@code record-races}: trains the race of every train widget in the course and writes its recording as the
 * page bakes it, one file per preset ({@link RaceRecordings}), so {@code build} and {@code serve} read it
 * instead of training at every start. The folder ends up holding exactly the course's presets.
 */
final class RecordRacesCommand {
    static final Options.Spec SPEC = Options.spec(
            "Usage: java -jar gradients-through-time.jar record-races [options]\n\n"
                    + "Trains the race of every train widget in the lessons and writes each recording (as the page bakes it)\n"
                    + "into the folder build and serve read them from; a race without one is trained at every build.\n"
                    + "Run it from the repository root after changing a train widget's preset or the trainer, then package.",
            "content", "content", true, "Folder of lessons whose races to record.",
            "out", "src/main/resources/" + RaceRecordings.FOLDER, true,
            "Folder to write the recordings to; recordings of presets no lesson uses are deleted.");

    private RecordRacesCommand() {}

    static int run(Options options, PrintStream out, PrintStream err) {
        Path content = SiteFiles.content(options.get("content"));
        Path folder = Path.of(options.get("out"));
        try {
            Map<String, String> races = record(content, out);
            write(races, folder, out);
            return 0;
        } catch (ContentException e) {
            e.errors().forEach(error -> err.println("error: " + error));
            err.println("record-races failed: " + e.errors().size() + " error(s); " + folder + " was left as it was.");
            return 1;
        } catch (IOException e) {
            err.println("record-races failed: " + e.getMessage());
            return 1;
        }
    }

    /** Every preset of the course's train widgets, trained afresh: file name to recording. */
    static Map<String, String> record(Path content, PrintStream out) throws ContentException {
        // lessons render in parallel: one thread trains a preset, the others asking for it wait for it
        Map<String, String> races = new ConcurrentHashMap<>();
        ApiWidgetData data = new ApiWidgetData(parameters -> races.computeIfAbsent(RaceRecordings.fileName(parameters),
                name -> trained(parameters, out)));
        CourseLoader.load(content, Site.markdownRenderer(Templates.precompiled(), Site.bundledStatic(), data));
        return new TreeMap<>(races);
    }

    private static String trained(TrainingParameters parameters, PrintStream out) {
        long start = System.nanoTime();
        String race = RaceRecordings.trained(parameters);
        out.printf("Trained %s in %.1f s%n", RaceRecordings.fileName(parameters), (System.nanoTime() - start) / 1e9);
        return race;
    }

    private static void write(Map<String, String> races, Path folder, PrintStream out) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> race : races.entrySet()) {
            Files.writeString(folder.resolve(race.getKey()), race.getValue(), StandardCharsets.UTF_8);
        }
        List<Path> stale;
        try (Stream<Path> files = Files.list(folder)) {
            stale = files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(file -> !races.containsKey(file.getFileName().toString())).toList();
        }
        for (Path file : stale) {
            Files.delete(file);
            out.println("Deleted " + file.getFileName() + " (no lesson uses that preset)");
        }
        out.printf("Wrote %d recording(s) to %s%n", races.size(), folder.toAbsolutePath());
    }
}
