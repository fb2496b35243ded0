package io.raqib.ingest.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses outbound fetches may connect to: every public address, and the non-public ones (loopback,
 * private, link-local…) only when the operator's allow-list names their block ({@code 10.1.0.0/16}) or the host
 * name they were looked up by ({@code feeds.intranet}). Checks an address, never a name alone, so a name that
 * resolves differently later (DNS rebinding) is judged by what it resolves to when connecting.
 */
public final class AddressPolicy {

    private static final String LABEL = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
    private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(\\." + LABEL + ")*");

    private final String setting;
    private final List<Cidr> blocks;
    private final Set<String> hosts;

    private AddressPolicy(String setting, List<Cidr> blocks, Set<String> hosts) {
        this.setting = setting;
        this.blocks = blocks;
        this.hosts = hosts;
    }

    /**
     * The policy allowing public addresses plus {@code allow}: CIDR blocks, single addresses and host names.
     *
     * @param setting the setting the list comes from, named in errors and refusals
     * @throws IllegalArgumentException naming the setting and the entry that is neither a block nor a host name
     */
    public static AddressPolicy allowing(String setting, List<String> allow) {
        List<Cidr> blocks = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        for (String entry : allow) {
            String name = normalize(entry);
            if (entry.contains("/") || entry.contains(":") || name.matches("[\\d.]+")) {
                try {
                    blocks.add(Cidr.parse(entry));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
                }
            } else if (HOST_NAME.matcher(name).matches()) {
                hosts.add(name);
            } else {
                throw new IllegalArgumentException(setting + ": '" + entry
                        + "' is neither a CIDR block (10.0.0.0/8, fd00::/8), an IP address nor a host name");
            }
        }
        return new AddressPolicy(setting, List.copyOf(blocks), Set.copyOf(hosts));
    }

    /**
     * Why connecting to {@code address}, looked up as {@code host} (or written literally), is refused; null when it
     * is allowed.
     */
    public String refusal(String host, InetAddress address) {
        String kind = SpecialAddresses.kind(address);
        if (kind == null || hosts.contains(normalize(host)) || allowedBlock(address)) {
            return null;
        }
        boolean literal = address.equals(Cidr.literal(host));
        return "address " + address.getHostAddress() + (literal ? "" : " (" + host + ")") + " is " + kind
                + "; allow it in " + setting;
    }

    /**
     * Why a URL naming {@code host} would be refused: a literal non-public address, or a name every address of
     * which is refused; null when it is allowed or does not resolve now (it is checked again on every fetch).
     */
    public String refusalOfHost(String host) {
        InetAddress literal = Cidr.literal(host);
        if (literal != null) {
            return refusal(host, literal);
        }
        try {
            String first = null;
            for (InetAddress address : InetAddress.getAllByName(host)) {
                String refusal = refusal(host, address);
                if (refusal == null) {
                    return null;
                }
                first = first == null ? refusal : first;
            }
            return first;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private boolean allowedBlock(InetAddress address) {
        InetAddress embedded = SpecialAddresses.embeddedIpv4(address);
        return blocks.stream().anyMatch(b -> b.contains(address) || embedded != null && b.contains(embedded));
    }

    private static String normalize(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
