package org.gtt.widget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.gtt.api.TrainingJson;
import org.gtt.train.ModelKind;
import org.gtt.train.RecordedRace;
import org.gtt.train.TrainingParameters;

/**
 * The train widget's baked races, as the page carries them ({@link RaceWidget#compact}). Training the
 * lessons' race takes seconds of CPU, too much for every {@code build} and every {@code serve} start-up, so
 * the races of the course's presets are bundled as class-path files ({@value #FOLDER}/NAME.json, NAME from
 * {@link #fileName}), written by {@code record-races}; a preset without one (a self-hoster's own lesson) is
 * trained when its page is built. A recording leaves out what differs from run to run (iterations per
 * second, seconds taken), so the trainer writes the same file byte for byte every time.
 */
public final class RaceRecordings {
    /** The class-path folder of the bundled recordings (src/main/resources/ + this). */
    public static final String FOLDER = "org/gtt/widget/recordings";
    /** How to bring the bundled files up to date, for messages that ask for it. */
    public static final String COMMAND = "mvn -B -q -DskipTests package && java -jar target/gradients-through-time.jar record-races";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RaceRecordings() {}

    /** A name that spells out every parameter, so a changed preset never finds another preset's race. */
    public static String fileName(TrainingParameters p) {
        StringJoiner models = new StringJoiner("-");
        for (ModelKind kind : p.models()) models.add(kind.jsonName());
        String clip = p.clip() == null ? "noclip" : "clip-" + p.clipMode().jsonName() + "-" + p.clip();
        return String.join("_", models.toString(), "T" + p.steps(), "h" + p.hidden(), "b" + p.batch(),
                p.optimizer().jsonName() + "-" + p.learningRate(), clip, "fb" + p.forgetBias(), "it" + p.iterations(),
                "seed" + p.seed(), "every" + p.reportEvery()) + ".json";
    }

    /** The bundled recording of this race, if {@code record-races} wrote one. */
    public static Optional<String> bundled(TrainingParameters parameters) {
        String resource = FOLDER + "/" + fileName(parameters);
        try (InputStream in = RaceRecordings.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled race " + resource, e);
        }
    }

    /** The race as the page carries it, trained now (or taken from {@link RecordedRace}'s cache): what a bundled file holds. */
    public static String trained(TrainingParameters parameters) {
        JsonNode full = JSON.valueToTree(TrainingJson.recorded(RecordedRace.of(parameters)));
        try {
            return JSON.writeValueAsString(RaceWidget.compact(full)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }

    /** The bundled recording, or the race trained now with a line to {@code notices} saying so. */
    static String forPage(TrainingParameters parameters, Consumer<String> notices) {
        Optional<String> bundled = bundled(parameters);
        if (bundled.isPresent()) return bundled.get();
        long start = System.nanoTime();
        String race = trained(parameters);
        notices.accept(String.format(java.util.Locale.ROOT,
                "note: trained the race %s for a train widget in %.1f s: no recording of it is bundled (`record-races` bundles the races of the course's own lessons)",
                fileName(parameters).replace(".json", ""), (System.nanoTime() - start) / 1e9));
        return race;
    }
}
