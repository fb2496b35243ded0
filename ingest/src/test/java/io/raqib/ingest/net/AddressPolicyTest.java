package io.raqib.ingest.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which addresses a feed fetch may connect to. */
class AddressPolicyTest {

    private static final String SETTING = "raqib.feed.allow";
    private final AddressPolicy publicOnly = AddressPolicy.allowing(SETTING, List.of());

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, unspecified", "0.1.2.3, unspecified", "10.0.0.5, private", "10.255.255.255, private",
        "100.64.0.1, carrier-grade NAT", "100.127.255.254, carrier-grade NAT", "127.0.0.1, loopback",
        "127.0.0.2, loopback", "127.255.255.255, loopback", "169.254.169.254, link-local", "172.16.0.1, private",
        "172.31.255.255, private", "192.168.1.1, private", "224.0.0.1, multicast", "239.255.255.250, multicast",
        "240.0.0.1, reserved", "255.255.255.255, reserved", "::, unspecified", "::1, loopback", "fc00::1, private",
        "fd12:3456::1, private", "fe80::1, link-local", "febf::1, link-local", "fec0::1, private",
        "ff02::1, multicast", "::ffff:10.0.0.5, private", "::ffff:127.0.0.1, loopback", "::10.0.0.5, private",
        "::127.0.0.1, loopback", "64:ff9b::a9fe:a9fe, link-local", "[::1], loopback"})
    void nonPublicAddressesAreRefusedNamingTheirKindAndTheSetting(String address, String kind) throws Exception {
        String refusal = publicOnly.refusal("intranet.local", Cidr.literal(address));

        assertThat(refusal).isEqualTo("address " + Cidr.literal(address).getHostAddress() + " (intranet.local) is "
                + kind + "; allow it in raqib.feed.allow");
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255",
        "128.0.0.0", "169.253.255.255", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0",
        "223.255.255.255", "2001:4860:4860::8888", "2a00:1450::1", "fbff::1", "fe00::1", "::ffff:8.8.8.8",
        "64:ff9b::808:808"})
    void publicAddressesAreAllowed(String address) {
        assertThat(publicOnly.refusal("news.example", Cidr.literal(address))).isNull();
    }

    @Test
    void anIpv4MappedAddressKeptInIpv6FormIsJudgedByItsIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 5};
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(v6).isInstanceOf(Inet6Address.class);
        assertThat(publicOnly.refusal("x.example", v6)).contains("is private");
        assertThat(AddressPolicy.allowing(SETTING, List.of("10.0.0.0/8")).refusal("x.example", v6)).isNull();
    }

    @Test
    void aLiteralAddressIsNotRepeatedInTheReason() {
        assertThat(publicOnly.refusal("10.0.0.5", Cidr.literal("10.0.0.5")))
                .isEqualTo("address 10.0.0.5 is private; allow it in raqib.feed.allow");
        assertThat(publicOnly.refusal("[::1]", Cidr.literal("::1"))).startsWith("address 0:0:0:0:0:0:0:1 is loopback");
    }

    @Test
    void allowListBlocksAndSingleAddressesPermitWhatTheyCover() {
        AddressPolicy policy = AddressPolicy.allowing(SETTING, List.of("10.1.0.0/16", "127.0.0.1", "fd00::/8",
                "172.20.1.2/12"));

        assertThat(policy.refusal("a", Cidr.literal("10.1.200.3"))).isNull();
        assertThat(policy.refusal("a", Cidr.literal("10.2.0.1"))).contains("private");
        assertThat(policy.refusal("a", Cidr.literal("127.0.0.1"))).isNull();
        assertThat(policy.refusal("a", Cidr.literal("127.0.0.2"))).contains("loopback");
        assertThat(policy.refusal("a", Cidr.literal("fd99::1"))).isNull();
        assertThat(policy.refusal("a", Cidr.literal("fc00::1"))).contains("private");
        assertThat(policy.refusal("a", Cidr.literal("172.31.0.1"))).as("host bits of an entry are ignored").isNull();
        assertThat(policy.refusal("a", Cidr.literal("::10.1.0.1"))).as("IPv4-compatible form of an allowed one")
                .isNull();
    }

    @Test
    void allowedHostNamesPermitWhateverTheyResolveToButOnlyForThatName() {
        AddressPolicy policy = AddressPolicy.allowing(SETTING, List.of("Feeds.Intranet.", "localhost"));

        assertThat(policy.refusal("feeds.intranet", Cidr.literal("10.9.9.9"))).isNull();
        assertThat(policy.refusal("FEEDS.intranet.", Cidr.literal("192.168.0.1"))).isNull();
        assertThat(policy.refusal("other.intranet", Cidr.literal("10.9.9.9"))).contains("private");
        assertThat(policy.refusal("10.9.9.9", Cidr.literal("10.9.9.9"))).contains("private");
    }

    @Test
    void aUrlHostIsRefusedWhenLiteralOrResolvingOnlyToRefusedAddresses() {
        assertThat(publicOnly.refusalOfHost("127.0.0.1")).contains("loopback");
        assertThat(publicOnly.refusalOfHost("[::1]")).contains("loopback");
        assertThat(publicOnly.refusalOfHost("2130706433")).as("127.0.0.1 as one number").contains("loopback");
        assertThat(publicOnly.refusalOfHost("localhost")).contains("(localhost) is loopback");
        assertThat(publicOnly.refusalOfHost("does-not-resolve.invalid")).as("checked again when fetched").isNull();
        assertThat(AddressPolicy.allowing(SETTING, List.of("localhost")).refusalOfHost("localhost")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "10.0.0.256", "::1/129", "not a host", "bad_host.example",
        "10.0.0/8", "1.2.3.4.5"})
    void aBadEntryIsAnErrorNamingTheSettingAndTheEntry(String entry) {
        assertThatThrownBy(() -> AddressPolicy.allowing(SETTING, List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(SETTING + ": ").hasMessageContaining("'" + entry + "'");
    }

    @Test
    void cidrContainmentFollowsThePrefixToTheBit() {
        Cidr block = Cidr.parse("100.64.0.0/10");

        assertThat(block.contains(Cidr.literal("100.64.0.0"))).isTrue();
        assertThat(block.contains(Cidr.literal("100.127.255.255"))).isTrue();
        assertThat(block.contains(Cidr.literal("100.128.0.0"))).isFalse();
        assertThat(block.contains(Cidr.literal("100.63.255.255"))).isFalse();
        assertThat(block.contains(Cidr.literal("::ffff:6440:1"))).as("IPv4 in IPv6 text is IPv4 to Java").isTrue();
        assertThat(Cidr.parse("::/0").contains(Cidr.literal("10.0.0.1"))).as("families never mix").isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("8.8.8.8"))).isTrue();
    }
}
