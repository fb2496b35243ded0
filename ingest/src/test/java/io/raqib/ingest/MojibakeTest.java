package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MojibakeTest {

    @Test
    void doubleEncodedTextIsRepaired() {
        assertThat(Mojibake.repair("costs Â£5m, says â€œOâ€™Neill")).isEqualTo("costs £5m, says “O’Neill");
        assertThat(Mojibake.repair("cafÃ© au lait")).isEqualTo("café au lait");
    }

    @Test
    void cleanOrMixedTextIsLeftAlone() {
        assertThat(Mojibake.repair("costs £5m")).isEqualTo("costs £5m");
        assertThat(Mojibake.repair("Ã la carte, قرار")).isEqualTo("Ã la carte, قرار");
        assertThat(Mojibake.repair("Â£ and a lone Ã")).isEqualTo("Â£ and a lone Ã");
    }
}
