package org.gtt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gtt.train.ModelKind;
import org.gtt.train.Race;
import org.gtt.train.TrainingParameters;
import org.gtt.train.TrainingParameters.ClipMode;
import org.gtt.train.TrainingParameters.OptimizerKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The training request: every field optional with the race's defaults, every refusal naming its field. */
class TrainingRequestParserTest {
    private static TrainingParameters parse(String json) {
        return TrainingRequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException refused(String json) {
        return assertThrows(ApiException.class, () -> parse(json));
    }

    @Test
    void anEmptyObjectIsTheDefaultRace() {
        assertEquals(TrainingParameters.defaults(), parse("{}"));
    }

    @Test
    void everyFieldIsRead() {
        TrainingParameters p = parse("""
                {"models": ["gru", "rnn"], "steps": 10, "hidden": 8, "batch": 16, "learningRate": 0.003,
                 "optimizer": "sgd", "clip": 0.5, "clipMode": "value", "forgetBias": -2, "iterations": 400,
                 "seed": 9007199254740991, "reportEvery": 20}""");
        assertEquals(new TrainingParameters(List.of(ModelKind.GRU, ModelKind.RNN), 10, 8, 16, 0.003, OptimizerKind.SGD,
                0.5, ClipMode.VALUE, -2.0, 400, (1L << 53) - 1, 20), p);
    }

    @Test
    void nullClipMeansNoClipping() {
        assertNull(parse("{\"clip\": null}").clip());
    }

    @ParameterizedTest(name = "{0} → field {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"model\": \"rnn\"}                     | model",
            "{\"models\": []}                         | models",
            "{\"models\": \"rnn\"}                    | models",
            "{\"models\": [\"rnn\", \"rnn\"]}         | models",
            "{\"models\": [\"mlp\"]}                  | models",
            "{\"models\": [1]}                        | models",
            "{\"steps\": 1}                           | steps",
            "{\"steps\": 201}                         | steps",
            "{\"steps\": 10.5}                        | steps",
            "{\"steps\": \"50\"}                      | steps",
            "{\"hidden\": 0}                          | hidden",
            "{\"hidden\": 65}                         | hidden",
            "{\"batch\": 129}                         | batch",
            "{\"learningRate\": 0}                    | learningRate",
            "{\"learningRate\": NaN}                  | learningRate",
            "{\"learningRate\": 1e400}                | learningRate",
            "{\"optimizer\": \"rmsprop\"}             | optimizer",
            "{\"clip\": 0}                            | clip",
            "{\"clip\": false}                        | clip",
            "{\"clipMode\": \"NORM\"}                 | clipMode",
            "{\"forgetBias\": 11}                     | forgetBias",
            "{\"iterations\": 0}                      | iterations",
            "{\"iterations\": 20001}                  | iterations",
            "{\"seed\": -1}                           | seed",
            "{\"seed\": 9007199254740992}             | seed",
            "{\"reportEvery\": 0}                     | reportEvery",
            "{\"iterations\": 20000, \"reportEvery\": 10} | reportEvery",
            "{\"steps\": 200, \"hidden\": 64}         | hidden",
            "{\"hidden\": 64, \"steps\": 200, \"batch\": 128} | batch",
    })
    void aBadFieldIsNamed(String json, String field) {
        ApiException e = refused(json);
        assertEquals(400, e.status());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.allowed() != null && !e.allowed().isBlank(), "says what is allowed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{", "[]", "42", "null", "{\"steps\": 5, \"steps\": 6}", "{} {}", "''"})
    void malformedBodiesAreRefusedWithoutAField(String json) {
        ApiException e = refused(json);
        assertEquals(400, e.status());
        assertNull(e.field(), e.getMessage());
    }

    @Test
    void theErrorsSayWhatIsAllowed() {
        assertEquals("rnn, lstm, gru, irnn", refused("{\"models\": [\"lstm\", \"lstm\"]}").allowed());
        assertEquals("integer 2 to 200", refused("{\"steps\": 0}").allowed());
        assertEquals("integer 20 to 1000 for 20000 iterations", refused("{\"iterations\": 20000, \"reportEvery\": 1}").allowed());
        assertTrue(refused("{\"unknownField\": 1}").getMessage().contains("unknown field unknownField"));
    }

    /** The budget is checked on the race's real arrays: T = 200, n = 32 fits with batch 32 (59 MiB), not with 64 (82 MiB). */
    @Test
    void theMemoryBudgetIsTheRacesArrays() {
        TrainingParameters fits = parse("{\"steps\": 200, \"hidden\": 32, \"batch\": 32}");
        assertTrue(Race.workspaceBytes(fits) <= TrainingRequestParser.MAX_JOB_BYTES);
        ApiException tooBig = refused("{\"steps\": 200, \"hidden\": 32, \"batch\": 64}");
        assertEquals("batch", tooBig.field());
        assertTrue(tooBig.getMessage().matches("this race needs 8[12] MB of arrays, over the 64 MB a job may take"), tooBig.getMessage());
        assertEquals(parse("{\"models\": [\"gru\"], \"steps\": 200, \"hidden\": 32, \"batch\": 64}").batch(), 64,
                "one model of that size fits");
    }
}
