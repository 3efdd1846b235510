package org.gtt.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CoreAllowanceTest {
    @Test
    void workWaitsWhileEveryCoreIsHeldAndTurnsGoInTheOrderTheyWereAskedFor() throws Exception {
        CoreAllowance cores = new CoreAllowance(1);
        HeldCore held = HeldCore.take(cores);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> cores.holdUninterruptibly(() -> order.add("first")));
        while (!cores.anyoneWaiting()) Thread.sleep(1);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> cores.holdUninterruptibly(() -> order.add("second")));
        Thread.sleep(100);
        assertTrue(order.isEmpty(), "nothing runs while the only core is held");
        assertEquals(1, cores.inUse());

        held.release();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("first", "second"), order);
        assertEquals(0, cores.inUse());
    }

    @Test
    void aCoreIsGivenBackWhenTheWorkFails() throws Exception {
        CoreAllowance cores = new CoreAllowance(1);
        assertThrows(IllegalStateException.class, () -> cores.hold(() -> {
            throw new IllegalStateException("broken");
        }));
        assertEquals(0, cores.inUse());
        assertEquals("again", cores.hold(() -> "again"));
    }
}
