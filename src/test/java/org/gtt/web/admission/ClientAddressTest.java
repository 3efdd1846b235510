package org.gtt.web.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() {
        assertEquals("203.0.113.9", ClientAddress.peerOnly().resolve("203.0.113.9", List.of("10.0.0.1")));
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        ClientAddress clients = ClientAddress.trusting("127.0.0.1");
        assertEquals("203.0.113.9", clients.resolve("203.0.113.9", List.of("10.0.0.1")));
    }

    @Test
    void behindATrustedProxyTheClientIsTheFirstUntrustedHopFromTheRight() {
        ClientAddress clients = ClientAddress.trusting("127.0.0.1, 10.0.0.0/8");
        // the client forged "6.6.6.6"; the edge proxy 10.1.1.1 appended the address it saw, 198.51.100.7
        assertEquals("198.51.100.7", clients.resolve("127.0.0.1", List.of("6.6.6.6, 198.51.100.7", "10.1.1.1")));
        assertEquals("198.51.100.7", clients.resolve("10.2.3.4", List.of("198.51.100.7")));
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        ClientAddress clients = ClientAddress.trusting("10.0.0.0/8");
        assertEquals("10.0.0.3", clients.resolve("10.0.0.1", List.of("10.0.0.3, 10.0.0.2")));
        assertEquals("10.0.0.1", clients.resolve("10.0.0.1", List.of()));
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastKnownHopWithoutALookup() {
        ClientAddress clients = ClientAddress.trusting("127.0.0.1");
        assertEquals("127.0.0.1", clients.resolve("127.0.0.1", List.of("evil.example.com")));
        assertEquals("127.0.0.1", clients.resolve("127.0.0.1", List.of("999.1.1.1")));
        assertNull(ClientAddress.parse("localhost"), "names are never resolved");
        assertNull(ClientAddress.parse("1.2.3"), "only the four-part IPv4 form");
    }

    @Test
    void portsBracketsAndIpv6AreUnderstood() {
        ClientAddress clients = ClientAddress.trusting("::1, 192.168.0.0/16");
        assertEquals("2001:db8::5", clients.resolve("[::1]", List.of("[2001:db8::5]:4711")));
        assertEquals("203.0.113.9", clients.resolve("192.168.7.7", List.of("203.0.113.9:51000")));
        assertEquals("192.169.0.1", ClientAddress.trusting("192.168.0.0/16").resolve("192.169.0.1", List.of("1.1.1.1")));
    }

    @Test
    void aBadConfigurationIsRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("proxy.example.com"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/x"));
    }
}
