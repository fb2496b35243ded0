package io.raqib.ingest.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The address blocks that are not the public internet, by kind: loopback, private, link-local, multicast,
 * unspecified, carrier-grade NAT and reserved, for IPv4 and IPv6, including IPv4 addresses written in IPv6 form
 * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}).
 */
final class SpecialAddresses {

    private static final Map<Cidr, String> BLOCKS = new LinkedHashMap<>();
    // ::ffff:0:0/96 cannot be parsed: Java turns IPv4-mapped text into an IPv4 address (never mind the prefix).
    private static final Cidr[] EMBEDDING_IPV4 = {Cidr.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0},
        96), Cidr.parse("::/96"), Cidr.parse("64:ff9b::/96")};

    static {
        block("0.0.0.0/8", "unspecified");
        block("10.0.0.0/8", "private");
        block("100.64.0.0/10", "carrier-grade NAT");
        block("127.0.0.0/8", "loopback");
        block("169.254.0.0/16", "link-local");
        block("172.16.0.0/12", "private");
        block("192.168.0.0/16", "private");
        block("224.0.0.0/4", "multicast");
        block("240.0.0.0/4", "reserved");
        block("::/128", "unspecified");
        block("::1/128", "loopback");
        block("fc00::/7", "private");
        block("fe80::/10", "link-local");
        block("fec0::/10", "private");
        block("ff00::/8", "multicast");
    }

    private SpecialAddresses() {
    }

    private static void block(String cidr, String kind) {
        BLOCKS.put(Cidr.parse(cidr), kind);
    }

    /** What kind of non-public address {@code address} is ("private", "loopback"…), or null for a public one. */
    static String kind(InetAddress address) {
        for (Map.Entry<Cidr, String> block : BLOCKS.entrySet()) {
            if (block.getKey().contains(address)) {
                return block.getValue();
            }
        }
        InetAddress embedded = embeddedIpv4(address);
        return embedded == null ? null : kind(embedded);
    }

    /** The IPv4 address an IPv6 address carries in its last 32 bits (mapped, compatible, NAT64), or null. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        for (Cidr form : EMBEDDING_IPV4) {
            if (form.contains(address)) {
                byte[] bytes = address.getAddress();
                try {
                    return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are always an IPv4 address", e);
                }
            }
        }
        return null;
    }
}
