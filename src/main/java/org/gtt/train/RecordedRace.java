package org.gtt.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole race recorded: every report and how it ended. The {@code train} widget bakes one into a page (the
 * build-time default, replayed in the static snapshot), from the same code as the live stream. Races are
 * deterministic per parameters, so recordings are kept in memory (the last {@value #KEPT}) and building many
 * pages or snapshots trains each race once.
 */
public record RecordedRace(TrainingParameters parameters, List<Race.Progress> reports, Race.Finish finish) {
    static final int KEPT = 8;

    private static final Map<TrainingParameters, RecordedRace> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<TrainingParameters, RecordedRace> eldest) {
                    return size() > KEPT;
                }
            });

    public RecordedRace {
        reports = List.copyOf(reports);
    }

    /** The race for these parameters, trained now or taken from the cache. */
    public static RecordedRace of(TrainingParameters parameters) {
        RecordedRace cached = CACHE.get(parameters);
        if (cached != null) return cached;
        // Two threads asking at once may both train; the results are identical, so either may stay.
        List<Race.Progress> reports = new ArrayList<>();
        // two threads: the same race to the bit, in about half the time (a build bakes it once)
        Race.Finish finish = Race.run(parameters, reports::add, Math.min(2, Runtime.getRuntime().availableProcessors()));
        RecordedRace recorded = new RecordedRace(parameters, reports, finish);
        CACHE.put(parameters, recorded);
        return recorded;
    }
}
