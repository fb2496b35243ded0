package io.raqib.ingest.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Dns;

/**
 * OkHttp's resolver with an {@link AddressPolicy} in front: a name resolves only to its allowed addresses, and to
 * a {@link RefusedAddressException} when it has none. OkHttp connects to exactly what this returns (no second
 * lookup), so the check covers the address actually connected to. OkHttp asks no resolver for a host written as
 * an address: {@link #checkLiteral} covers those.
 */
public final class PolicyDns implements Dns {

    // The forms OkHttp connects to without asking its Dns (okhttp3.internal.canParseAsIpAddress), which include
    // legacy IPv4 forms such as 2130706433 (= 127.0.0.1).
    private static final Pattern OKHTTP_LITERAL = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");

    private final AddressPolicy policy;
    private final Dns resolver;

    /** @param resolver the lookup to filter ({@link Dns#SYSTEM} in production) */
    public PolicyDns(AddressPolicy policy, Dns resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> all = resolver.lookup(host);
        List<InetAddress> allowed = all.stream().filter(a -> policy.refusal(host, a) == null).toList();
        if (allowed.isEmpty() && !all.isEmpty()) {
            throw new RefusedAddressException(policy.refusal(host, all.get(0)));
        }
        return allowed;
    }

    /**
     * Refuses a URL host that OkHttp would connect to as an address without a lookup, when that address is not
     * allowed; a host name passes (it is checked by {@link #lookup} when connecting).
     */
    public void checkLiteral(String host) throws UnknownHostException {
        if (OKHTTP_LITERAL.matcher(host).matches()) {
            // The same call OkHttp makes for such a host, so the same address.
            String refusal = policy.refusal(host, InetAddress.getByName(host));
            if (refusal != null) {
                throw new RefusedAddressException(refusal);
            }
        }
    }
}
