package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.sink.api.ApiCaller;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configured token entries: plain and hashed operators' tokens, desks' tokens, malformed entries. */
class ApiTokensTest {

    @Test
    void eachFormOfEntryAcceptsItsTokenForItsCaller() {
        ApiTokens tokens = ApiTokens.parse(List.of("plain-token",
                ApiTokens.entryFor(ApiCaller.ADMIN, "operator-token"),
                ApiTokens.entryFor(ApiCaller.ofDesk("levant"), "levant-token"),
                ApiTokens.entryFor(ApiCaller.ofDesk("gulf.news"), "gulf-token")));

        assertThat(tokens.caller("plain-token")).contains(ApiCaller.ADMIN);
        assertThat(tokens.caller("operator-token")).contains(ApiCaller.ADMIN);
        assertThat(tokens.caller("levant-token")).contains(ApiCaller.ofDesk("levant"));
        assertThat(tokens.caller("gulf-token")).contains(ApiCaller.ofDesk("gulf.news"));
        assertThat(tokens.caller("levant-token ")).isEmpty();
        assertThat(tokens.caller("guess")).isEmpty();
        assertThat(tokens.isEmpty()).isFalse();
        assertThat(ApiTokens.parse(List.of()).caller("")).isEmpty();
    }

    @Test
    void anEntryHoldsTheTokensSha256NotTheToken() {
        String entry = ApiTokens.entryFor(ApiCaller.ofDesk("levant"), "abc");

        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        assertThat(entry).isEqualTo("desk:levant:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiTokens.entryFor(ApiCaller.ADMIN, "abc")).startsWith("admin:ba7816bf").doesNotContain(":abc");
        assertThat(ApiTokens.parse(List.of(entry.toUpperCase().replace("DESK:LEVANT", "desk:levant"))).caller("abc"))
                .as("hex digits in either case").contains(ApiCaller.ofDesk("levant"));
    }

    @Test
    void malformedHashedEntriesAreRefusedByPlaceWithoutEchoingThem() {
        String hash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

        assertThatThrownBy(() -> ApiTokens.parse(List.of("ok", "admin:secretish")))
                .hasMessageContaining("entry 2").hasMessageContaining("64 hex digits")
                .hasMessageNotContaining("secretish");
        assertThatThrownBy(() -> ApiTokens.parse(List.of("desk:Levant:" + hash)))
                .hasMessageContaining("entry 1").hasMessageContaining("lower-case");
        assertThatThrownBy(() -> ApiTokens.parse(List.of("desk:" + hash)))
                .hasMessageContaining("entry 1");
        assertThatThrownBy(() -> ApiTokens.parse(List.of("desk:levant:" + hash.substring(1) + "g")))
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void generatedTokensAre128RandomBitsInHex() {
        String token = ApiTokens.generate();

        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(ApiTokens.generate()).isNotEqualTo(token);
    }
}
