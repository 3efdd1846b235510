package org.gtt.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gtt.api.TrainingJson;
import org.gtt.api.TrainingRequestParser;
import org.gtt.content.BlockContext;
import org.gtt.content.BlockException;
import org.gtt.content.Lang;
import org.gtt.site.Templates;
import org.gtt.train.ModelKind;
import org.gtt.train.RecordedRace;
import org.gtt.train.TrainingParameters;
import org.junit.jupiter.api.Test;

/** The ```widget train``` block: its state, the race it bakes (a recording of exactly that race) and its table. */
class TrainWidgetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BlockContext ENGLISH = new BlockContext(Lang.EN, Path.of("content/en/08-test.md"), 1);
    private final WidgetHandler handler = new WidgetHandler(Templates.precompiled(), new ApiWidgetData());

    @Test
    void theDefaultStateIsTheTrainersDefaultRaceWithAVisibleSeed() throws Exception {
        TrainingParameters defaults = TrainingParameters.defaults();
        var state = WidgetKind.TRAIN.defaults();
        assertEquals("50", state.get("steps"));
        assertEquals("1", state.get("seed"), "the seed is the race's, not the gradient widgets' hidden 0");
        assertEquals(defaults, TrainingRequestParser.parse(TrainingPreset.body(state).getBytes(StandardCharsets.UTF_8)),
                "the default block asks for exactly TrainingParameters.defaults()");
        assertEquals("0", WidgetKind.RNN.defaults().get("seed"), "the other widgets keep their hidden seed 0");
    }

    @Test
    void theBlockBakesTheRecordingOfItsOwnRace() throws Exception {
        String html = handler.render("train", "steps: 10\niterations: 200\nirnn: false\nseed: 3\nclipping: false\nlearningRate: 0.03", ENGLISH);
        JsonNode config = config(html);
        TrainingParameters expected = new TrainingParameters(List.of(ModelKind.RNN, ModelKind.LSTM, ModelKind.GRU), 10, 16, 32, 0.03,
                TrainingParameters.OptimizerKind.ADAM, null, TrainingParameters.ClipMode.NORM, 1.0, 200, 3, 50);
        JsonNode recording = config.at("/baked/race");
        assertEquals(JSON.readTree(TrainingJson.text(TrainingJson.parameters(expected))), recording.get("parameters"));
        JsonNode trained = JSON.readTree(TrainingJson.text(TrainingJson.recorded(RecordedRace.of(expected))));
        assertEquals(RaceWidget.compact(trained).get("progress"), recording.get("progress"), "the baked reports are the trainer's for those parameters");
        JsonNode lstm = trained.at("/progress/3/models/1");
        JsonNode bakedLstm = recording.at("/progress/3/models/1");
        assertEquals("lstm", bakedLstm.get("model").asText());
        assertFalse(bakedLstm.has("cellGradientNorms"), "the cell norms, which the widget does not draw, stay out of the page");
        for (String field : List.of("trainLoss", "evalLoss")) {
            double exact = lstm.get(field).asDouble();
            assertEquals(exact, bakedLstm.get(field).asDouble(), 5e-3 * Math.abs(exact), field + " to 3 significant digits");
        }
        assertFalse(bakedLstm.has("gradNormBeforeClip") || bakedLstm.has("evalAccuracy"), "what the widget does not draw stays out");
        for (int k = 0; k < 10; k++) {
            assertEquals(Math.log10(lstm.at("/stepGradientNorms/" + k).asDouble()), bakedLstm.at("/stepLog10Norms/" + k).asDouble(),
                    0.005 + 1e-12, "log10 ‖∂ℓ/∂h_k‖ to 2 decimals");
        }
        assertEquals(4, recording.get("progress").size(), "200 iterations reported every 50");
        assertEquals("3", config.at("/defaults/seed").asText());
        assertTrue(html.contains("name=\"seed\""), "the seed is a control");
        assertTrue(Pattern.compile("name=\"rnn\" value=\"true\" checked disabled").matcher(html).find(), html);
        assertFalse(Pattern.compile("name=\"irnn\" value=\"true\" checked").matcher(html).find(), "the block unticked irnn");
        assertTrue(html.contains("data-action=\"start\""));
        assertTrue(html.contains("data-action=\"stop\""));
        assertFalse(WidgetKind.RNN.seedIsControl(), "a gradient widget's seed stays a hidden field");
    }

    /** The lessons' race is read, not trained (RecordRacesCommandTest checks the file is the trainer's); any other is trained with a note. */
    @Test
    void theCoursesRaceComesFromItsBundledRecordingAndAnyOtherIsTrainedWithANote() {
        List<String> notes = new ArrayList<>();
        TrainingParameters lessons = TrainingParameters.defaults();
        assertEquals(RaceRecordings.bundled(lessons).orElseThrow(), RaceRecordings.forPage(lessons, notes::add));
        assertEquals(List.of(), notes, "the default race is bundled: nothing is trained");
        TrainingParameters own = lessons.withModels(List.of(ModelKind.GRU)).withSteps(10).withIterations(100);
        assertTrue(RaceRecordings.bundled(own).isEmpty());
        assertEquals(RaceRecordings.trained(own), RaceRecordings.forPage(own, notes::add));
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("trained the race gru_T10_h16_b32_adam-0.01_clip-norm-1.0_fb1.0_it100_seed1_every50")
                && notes.get(0).contains("record-races"), notes.get(0));
    }

    /** What a page carries holds nothing that changes from run to run, so the trainer writes it the same every time. */
    @Test
    void theBakedRaceKeepsNoTimings() throws Exception {
        JsonNode race = JSON.readTree(RaceRecordings.trained(TrainingParameters.defaults().withSteps(10).withIterations(100)));
        assertFalse(race.get("done").has("seconds"));
        for (JsonNode progress : race.get("progress")) {
            for (JsonNode report : progress.get("models")) assertFalse(report.has("iterationsPerSecond"), report.toString());
        }
        assertTrue(race.get("done").has("stoppedBy"));
    }

    @Test
    void theTableHasOneRowPerRunnerAndReportInTheScriptsFormat() throws Exception {
        String html = handler.render("train", "steps: 10\niterations: 100\n", ENGLISH);
        JsonNode first = config(html).at("/baked/race/progress/0/models/0");
        assertEquals("rnn", first.get("model").asText());
        String row = "<tr><th scope=\"row\">RNN</th><td>50</td><td>" + String.format(java.util.Locale.ROOT, "%.4f", first.get("trainLoss").asDouble())
                + "</td><td>" + String.format(java.util.Locale.ROOT, "%.4f", first.get("evalLoss").asDouble()) + "</td><td>"
                + DataTable.powerOfTen(first.at("/stepLog10Norms/0").asDouble()) + "</td><td>—</td></tr>";
        assertTrue(html.contains(row), "first row: " + row + "\nin\n" + html.substring(html.indexOf("<tbody>"), html.indexOf("<tbody>") + 300));
        assertTrue(html.contains("<th scope=\"col\">training iteration</th>"));
    }

    @Test
    void badTrainBlocksNameTheKeyAndWhatIsAllowed() {
        assertMessage("the train widget needs at least one runner: set one of rnn, lstm, gru, irnn to true",
                "rnn: false\nlstm: false\ngru: false\nirnn: false");
        assertMessage("'seed' cannot be 0: allowed are 1 to 20 in steps of 1", "seed: 0");
        assertMessage("'learningRate' cannot be '0.02': allowed values are 0.001, 0.003, 0.01, 0.03, 0.1", "learningRate: 0.02");
        assertMessage("'steps' cannot be 200: allowed are 10 to 100 in steps of 10", "steps: 200");
        assertMessage("unknown key 'batch' for the train widget: allowed keys are rnn, lstm, gru, irnn, steps, hidden, learningRate,"
                + " clipping, clip, iterations, seed, id, show, lock", "batch: 8");
    }

    private void assertMessage(String expected, String body) {
        BlockException error = assertThrows(BlockException.class, () -> handler.render("train", body, ENGLISH));
        assertEquals(expected, error.getMessage());
    }

    private static JsonNode config(String html) throws Exception {
        Matcher matcher = Pattern.compile("<script type=\"application/json\" class=\"widget-config\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(matcher.find(), "config script present");
        return JSON.readTree(matcher.group(1));
    }
}
