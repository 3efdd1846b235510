package org.gtt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same parameters give the same race bit for bit; a model's run does not depend on its rivals. */
class RaceDeterminismTest {
    private static final TrainingParameters SHORT = TrainingParameters.defaults().withIterations(300);

    @Test
    void sameSeedSameRaceBitForBit() {
        List<Race.Progress> first = record(SHORT);
        List<Race.Progress> second = record(SHORT);
        assertEquals(6, first.size(), "reports at 50, 100, …, 300");
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            for (int m = 0; m < SHORT.models().size(); m++) {
                assertSameBits(first.get(i).models().get(m), second.get(i).models().get(m));
            }
        }
    }

    @Test
    void aModelRunsTheSameAloneAsInTheRace() {
        List<Race.Progress> race = record(SHORT);
        List<Race.Progress> alone = record(SHORT.withModels(List.of(ModelKind.GRU)));
        for (int i = 0; i < race.size(); i++) {
            assertSameBits(race.get(i).models().get(2), alone.get(i).models().get(0));
        }
    }

    @Test
    void twoThreadsRunTheSameRaceBitForBit() {
        List<Race.Progress> one = record(SHORT);
        List<Race.Progress> two = new ArrayList<>();
        Race.Finish finish = new Race(SHORT).run(two::add, () -> false, Long.MAX_VALUE, 2);
        assertEquals(Race.StopReason.BUDGET, finish.stoppedBy());
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) {
            for (int m = 0; m < SHORT.models().size(); m++) {
                assertSameBits(one.get(i).models().get(m), two.get(i).models().get(m));
            }
        }
    }

    @Test
    void anotherSeedAnotherRace() {
        ModelReport one = last(record(SHORT)).models().get(0);
        ModelReport two = last(record(SHORT.withSeed(2))).models().get(0);
        assertNotEquals(one.trainLoss(), two.trainLoss());
    }

    @Test
    void reportsCarryEveryField() {
        Race.Progress progress = last(record(SHORT));
        assertEquals(300, progress.iteration());
        for (ModelReport report : progress.models()) {
            assertEquals(300, report.iteration());
            assertEquals(50, report.stepGradientNorms().length);
            assertEquals(report.model() == ModelKind.LSTM, report.cellGradientNorms() != null);
            assertTrue(report.evalLoss() > 0 && report.evalLoss() < 1, report.toString());
            assertTrue(report.evalAccuracy() >= 0 && report.evalAccuracy() <= 1);
            assertTrue(report.gradNormAfterClip() <= Math.min(1.0, report.gradNormBeforeClip()) + 1e-9);
            assertTrue(report.iterationsPerSecond() > 0);
            for (double norm : report.stepGradientNorms()) assertTrue(norm >= 0 && Double.isFinite(norm));
        }
        assertNull(progress.models().get(0).solvedAt(), "the tanh rnn is at chance after 300 iterations");
    }

    @Test
    void cancellingStopsBeforeTheNextIteration() {
        List<Race.Progress> reports = new ArrayList<>();
        int[] asked = {0};
        Race.Finish finish = new Race(SHORT).run(reports::add, () -> ++asked[0] > 120, Long.MAX_VALUE);
        assertEquals(Race.StopReason.CANCELLED, finish.stoppedBy());
        assertEquals(2, reports.size(), "reports at 50 and 100, then cancelled at 121");
    }

    @Test
    void theTimeLimitStopsTheRace() {
        Race.Finish finish = new Race(SHORT).run(p -> {}, () -> false, 0);
        assertEquals(Race.StopReason.TIME_LIMIT, finish.stoppedBy());
    }

    static List<Race.Progress> record(TrainingParameters parameters) {
        List<Race.Progress> reports = new ArrayList<>();
        Race.run(parameters, reports::add);
        return reports;
    }

    private static Race.Progress last(List<Race.Progress> reports) {
        return reports.get(reports.size() - 1);
    }

    private static void assertSameBits(ModelReport a, ModelReport b) {
        assertEquals(a.model(), b.model());
        assertEquals(a.iteration(), b.iteration());
        assertEquals(Double.doubleToRawLongBits(a.trainLoss()), Double.doubleToRawLongBits(b.trainLoss()));
        assertEquals(Double.doubleToRawLongBits(a.evalLoss()), Double.doubleToRawLongBits(b.evalLoss()));
        assertEquals(Double.doubleToRawLongBits(a.evalAccuracy()), Double.doubleToRawLongBits(b.evalAccuracy()));
        assertEquals(Double.doubleToRawLongBits(a.gradNormBeforeClip()), Double.doubleToRawLongBits(b.gradNormBeforeClip()));
        assertEquals(Double.doubleToRawLongBits(a.gradNormAfterClip()), Double.doubleToRawLongBits(b.gradNormAfterClip()));
        assertArrayEquals(a.stepGradientNorms(), b.stepGradientNorms(), 0.0);
        assertArrayEquals(a.cellGradientNorms(), b.cellGradientNorms(), 0.0);
        assertEquals(a.solvedAt(), b.solvedAt());
    }
}
