package org.gtt.api;

import java.util.function.Supplier;

/**
 * Where a computation runs, told its estimated cost before it starts: the server admits it at once, puts
 * it in its bounded pool, or refuses it with a {@link BusyException}. Build-time users run it directly.
 */
public interface ComputeGate {
    ComputeGate DIRECT = new ComputeGate() {
        @Override
        public <T> T run(double estimatedMillis, Supplier<T> work) {
            return work.get();
        }
    };

    <T> T run(double estimatedMillis, Supplier<T> work);
}
