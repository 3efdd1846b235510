package org.gtt.web.admission;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a request comes from: the socket's peer address, or, when the peer is one of the configured trusted
 * proxies, the first address in X-Forwarded-For that is not a trusted proxy, read from the right (each
 * proxy appends the address it saw, so everything left of the first untrusted entry may be forged).
 * The header is never read when the peer is not trusted. Addresses are parsed as literals only: no DNS.
 */
public final class ClientAddress {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Network(byte[] address, int prefix) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) return false;
            int bits = prefix;
            for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((address[i] & mask) != (candidate[i] & mask)) return false;
            }
            return true;
        }
    }

    private final List<Network> trusted;
    private final String description;

    private ClientAddress(List<Network> trusted, String description) {
        this.trusted = trusted;
        this.description = description;
    }

    /** No trusted proxies: the client is always the socket's peer. */
    public static ClientAddress peerOnly() {
        return new ClientAddress(List.of(), "");
    }

    /** A comma-separated list of addresses and CIDR networks, e.g. {@code 127.0.0.1, 10.0.0.0/8, ::1}. */
    public static ClientAddress trusting(String proxies) {
        List<Network> networks = new ArrayList<>();
        for (String entry : proxies.split(",")) {
            String text = entry.trim();
            if (text.isEmpty()) continue;
            String[] parts = text.split("/", -1);
            byte[] address = parse(parts[0]);
            if (address == null || parts.length > 2) throw new IllegalArgumentException("not an IP address or CIDR network: '" + text + "'");
            int prefix = address.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > address.length * 8) throw new IllegalArgumentException("bad prefix length in '" + text + "'");
            }
            networks.add(new Network(address, prefix));
        }
        return new ClientAddress(List.copyOf(networks), proxies.trim());
    }

    public String describe() {
        return trusted.isEmpty() ? "(none: the socket's address is the client)" : description;
    }

    /** The client for a request from {@code peer} carrying these X-Forwarded-For header values (possibly none). */
    public String resolve(String peer, List<String> forwardedFor) {
        String client = strip(peer);
        if (!isTrusted(client) || forwardedFor.isEmpty()) return client;
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) hops.add(strip(hop.trim()));
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (parse(hop) == null) return client; // garbage left of here was written by the client: stop at the last known hop
            if (!isTrusted(hop)) return hop;
            client = hop;
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty()) return false;
        byte[] bytes = parse(address);
        if (bytes == null) return false;
        for (Network network : trusted) {
            if (network.contains(bytes)) return true;
        }
        return false;
    }

    /** "[::1]:8080" → "::1", "1.2.3.4:5" → "1.2.3.4"; anything else unchanged. */
    private static String strip(String address) {
        if (address == null) return "";
        String text = address.trim();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            return end > 0 ? text.substring(1, end) : text;
        }
        int colon = text.indexOf(':');
        if (colon > 0 && colon == text.lastIndexOf(':') && IPV4.matcher(text.substring(0, colon)).matches()) {
            return text.substring(0, colon);
        }
        return text;
    }

    /** The address's bytes for a literal IPv4 or IPv6 address, else null (never a name lookup). */
    static byte[] parse(String text) {
        if (text == null || text.length() > 45) return null;
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) return null;
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            // ::ffff:1.2.3.4 comes back as the IPv4 address already; keep it that way.
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
