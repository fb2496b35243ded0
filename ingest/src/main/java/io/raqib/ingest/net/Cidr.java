package io.raqib.ingest.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A block of IPv4 or IPv6 addresses ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address is a block of one. */
public final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F]*:[0-9a-fA-F:.]*");

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
        for (int bit = prefix; bit < network.length * 8; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
    }

    /** The block of the addresses whose first {@code prefix} bits are those of {@code network}. */
    static Cidr of(byte[] network, int prefix) {
        return new Cidr(network.clone(), prefix);
    }

    /** Parses {@code address/prefix} or a bare address; throws {@link IllegalArgumentException} when it is neither. */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "': the prefix length must be 0–" + bits);
            }
        }
        return new Cidr(address.getAddress(), prefix);
    }

    /**
     * The address written in {@code text} when it is a dotted-quad IPv4 or an IPv6 literal (brackets allowed), else
     * null; never a DNS lookup.
     */
    public static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        Matcher v4 = IPV4.matcher(bare);
        try {
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int part = Integer.parseInt(v4.group(i + 1));
                    if (part > 255) {
                        return null;
                    }
                    bytes[i] = (byte) part;
                }
                return InetAddress.getByAddress(bytes);
            }
            // With a colon in it, Java parses the text as an IPv6 literal and never looks it up.
            return IPV6.matcher(bare).matches() ? InetAddress.getByName(bare) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether {@code address} (of the same family) lies in this block. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit += 8) {
            int mask = bit + 8 <= prefix ? 0xff : 0xff << (8 - (prefix - bit)) & 0xff;
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
