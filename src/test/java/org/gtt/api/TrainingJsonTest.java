package org.gtt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.gtt.train.ModelKind;
import org.gtt.train.RecordedRace;
import org.gtt.train.TrainingParameters;
import org.junit.jupiter.api.Test;

/** The events of the training stream carry the fields CONTRACTS.md promises the widget. */
class TrainingJsonTest {
    @Test
    void recordedRaceHasTheContractsFields() throws Exception {
        TrainingParameters parameters = TrainingParameters.defaults().withModels(List.of(ModelKind.LSTM, ModelKind.RNN))
                .withIterations(100);
        RecordedRace race = RecordedRace.of(parameters);
        assertTrue(race == RecordedRace.of(parameters), "a second request for the same race comes from the cache");
        JsonNode json = new ObjectMapper().readTree(TrainingJson.text(TrainingJson.recorded(race)));
        assertEquals("[\"lstm\",\"rnn\"]", json.get("parameters").get("models").toString());
        for (String field : List.of("steps", "hidden", "batch", "learningRate", "optimizer", "clip", "clipMode",
                "forgetBias", "iterations", "seed", "reportEvery")) {
            assertTrue(json.get("parameters").has(field), field);
        }
        JsonNode progress = json.get("progress");
        assertEquals(2, progress.size());
        JsonNode lstm = progress.get(1).get("models").get(0);
        assertEquals(100, progress.get(1).get("iteration").asInt());
        assertEquals("lstm", lstm.get("model").asText());
        for (String field : List.of("iteration", "trainLoss", "evalLoss", "evalAccuracy", "gradNormBeforeClip",
                "gradNormAfterClip", "iterationsPerSecond")) {
            assertTrue(lstm.get(field).isNumber(), field);
        }
        assertTrue(lstm.get("solvedAt").isNull());
        assertEquals(50, lstm.get("stepGradientNorms").size());
        assertEquals(50, lstm.get("cellGradientNorms").size());
        assertTrue(!progress.get(1).get("models").get(1).has("cellGradientNorms"), "lstm only");
        JsonNode done = json.get("done");
        assertEquals("budget", done.get("stoppedBy").asText());
        assertTrue(done.get("solvedAt").has("rnn") && done.get("solvedAt").get("rnn").isNull());
        assertTrue(done.get("seconds").isNumber());
    }
}
