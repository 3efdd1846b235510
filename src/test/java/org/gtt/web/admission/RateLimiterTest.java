package org.gtt.web.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void aBurstPassesThenTheClientWaitsWhileOthersDoNot() {
        RateLimiter limiter = new RateLimiter(0.5, 3);
        for (int i = 0; i < 3; i++) assertEquals(0, limiter.acquire("a"));
        int wait = limiter.acquire("a");
        assertTrue(wait >= 1 && wait <= 2, "one token at 0.5/s is at most 2 s away, got " + wait);
        assertEquals(0, limiter.acquire("b"), "another client has its own bucket");
    }

    @Test
    void tokensComeBackAtTheRate() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(200, 1);
        assertEquals(0, limiter.acquire("a"));
        assertTrue(limiter.acquire("a") > 0);
        Thread.sleep(20); // 200/s refills one token in 5 ms
        assertEquals(0, limiter.acquire("a"));
    }

    @Test
    void zeroTurnsTheLimitOff() {
        RateLimiter limiter = new RateLimiter(0, 1);
        assertFalse(limiter.enabled());
        for (int i = 0; i < 100; i++) assertEquals(0, limiter.acquire("a"));
    }

    @Test
    void memoryStaysBoundedUnderManyClients() {
        RateLimiter limiter = new RateLimiter(1000, 1);
        for (int i = 0; i < RateLimiter.MAX_CLIENTS + 5_000; i++) limiter.acquire("client-" + i);
        assertTrue(limiter.clients() <= RateLimiter.MAX_CLIENTS, "clients kept: " + limiter.clients());
    }
}
