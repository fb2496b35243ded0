package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CleanBodyAlignmentTest {

    @Test
    void identicalTextMapsEveryOffsetToItself() {
        String body = "First line.\nSecond line.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, body);

        for (int i = 0; i <= body.length(); i++) {
            assertThat(a.toBody(i)).as("offset %d", i).isEqualTo(i);
        }
    }

    @Test
    void linesRemovedBeforeShiftOffsetsByTheRemovedText() {
        String body = "Repeated title\nطيف بوست – فريق التحرير\nأعلنت الرئاسة الروسية\nوأكد المتحدث";
        String clean = "أعلنت الرئاسة الروسية\nوأكد المتحدث";
        CleanBodyAlignment a = new CleanBodyAlignment(body, clean);

        assertThat(a.toBody(0)).isEqualTo(body.indexOf("أعلنت"));
        int word = clean.indexOf("الرئاسة");
        assertThat(body.substring(a.toBody(word), a.toBody(word + "الرئاسة".length()))).isEqualTo("الرئاسة");
        assertThat(a.toBody(clean.indexOf("وأكد"))).isEqualTo(body.indexOf("وأكد"));
        assertEveryCharacterMaps(body, clean, a);
    }

    @Test
    void aKeptLineAlsoFoundInsideARemovedLineMapsToItsOwnLine() {
        String body = "Read also: Banks led.\nBanks led.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, "Banks led.");

        assertThat(a.toBody(0)).isEqualTo(body.lastIndexOf("Banks"));
    }

    @Test
    void linesRemovedBetweenKeptLinesAreSkipped() {
        String body = "Stocks fell today.\n\nRead also: Markets rally\n\nBanks led the decline.";
        String clean = "Stocks fell today.\nBanks led the decline.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, clean);

        assertThat(a.toBody(clean.indexOf("Stocks"))).isEqualTo(0);
        int banks = clean.indexOf("Banks");
        assertThat(a.toBody(banks)).isEqualTo(body.indexOf("Banks"));
        assertThat(body.substring(a.toBody(banks), a.toBody(banks + 5))).isEqualTo("Banks");
        assertEveryCharacterMaps(body, clean, a);
    }

    @Test
    void linesRemovedAfterDoNotAttractEndOffsets() {
        String body = "Stocks fell today.\nBanks led.\nRead also: Markets rally";
        String clean = "Stocks fell today.\nBanks led.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, clean);

        assertThat(a.toBody(clean.length())).as("end of clean body").isEqualTo(body.indexOf("\nRead also"));
        assertThat(body.substring(a.toBody(clean.indexOf("led")), a.toBody(clean.length()))).isEqualTo("led.");
        assertEveryCharacterMaps(body, clean, a);
    }

    @Test
    void endOffsetOfALineMapsToTheEndOfThatLineNotTheNextKeptLine() {
        String body = "Alpha\nByline\nBeta";
        String clean = "Alpha\nBeta";
        CleanBodyAlignment a = new CleanBodyAlignment(body, clean);

        int alphaEnd = "Alpha".length();
        assertThat(a.toBody(alphaEnd)).isEqualTo(alphaEnd);
        assertThat(body.substring(a.toBody(0), a.toBody(alphaEnd))).isEqualTo("Alpha");
        assertThat(a.toBody(alphaEnd + 1)).isEqualTo(body.indexOf("Beta"));
    }

    @Test
    void removedLinesEverywhereAtOnce() {
        String body = "Title\nBy Jane Doe\nOne.\nRelated: other\nTwo.\n\nThree.\nSee also: more";
        String clean = "One.\nTwo.\nThree.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, clean);

        assertEveryCharacterMaps(body, clean, a);
        assertThat(a.toBody(clean.length())).isEqualTo(body.indexOf("Three.") + "Three.".length());
    }

    @Test
    void repeatedLineIsFoundAfterThePreviousKeptLine() {
        String body = "Same.\nRemoved\nSame.";
        String clean = "Same.\nSame.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, clean);

        assertThat(a.toBody(0)).isEqualTo(0);
        assertThat(a.toBody("Same.\n".length())).isEqualTo(body.lastIndexOf("Same."));
    }

    @Test
    void aLineWithAWidgetCutOffItsStartMapsPastTheWidget() {
        String body = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد الأمير محمد بن نايف أن الأمن مصان\nثم قال.";
        String clean = "أكد الأمير محمد بن نايف أن الأمن مصان\nثم قال.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, clean);

        assertWordMaps(body, clean, a, "محمد بن نايف");
        assertThat(a.toBody(clean.indexOf("\n"))).as("end of the cut line").isEqualTo(body.indexOf("\n"));
        assertEveryCharacterMaps(body, clean, a);
    }

    @Test
    void linesCutAtTheirEndOrBothEndsMapInsideTheirLine() {
        String body = "Banks led.\nStocks fell. Link to the story: Stocks fall\nNext Previous Markets closed. Share\nEnd.";
        String clean = "Banks led.\nStocks fell.\nMarkets closed.\nEnd.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, clean);

        assertEveryCharacterMaps(body, clean, a);
        for (String word : new String[] {"Stocks fell.", "Markets closed.", "End."}) {
            assertWordMaps(body, clean, a, word);
        }
    }

    @Test
    void aCutLineIsPlacedOnTheLineItCameFromWhenTheSameTextIsAWholeLineLater() {
        String body = "Share: Banks led.\nMarkets.\nBanks led.";
        String clean = "Banks led.\nMarkets.\nBanks led.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, clean);

        assertThat(a.toBody(0)).isEqualTo(body.indexOf("Banks"));
        assertThat(a.toBody(clean.lastIndexOf("Banks"))).isEqualTo(body.lastIndexOf("Banks"));
        assertEveryCharacterMaps(body, clean, a);
    }

    @Test
    void aWholeLineIsPreferredToAnEarlierLineThatOnlyContainsIt() {
        String body = "Intro.\nRead also: Banks led.\nBanks led.";
        CleanBodyAlignment a = new CleanBodyAlignment(body, "Intro.\nBanks led.");

        assertThat(a.toBody("Intro.\n".length())).isEqualTo(body.lastIndexOf("Banks"));
    }

    @Test
    void emptyCleanBodyMapsZeroToZero() {
        CleanBodyAlignment a = new CleanBodyAlignment("Read also: x", "");

        assertThat(a.toBody(0)).isEqualTo(0);
    }

    @Test
    void cleanLineMissingFromBodyIsRejected() {
        assertThatThrownBy(() -> new CleanBodyAlignment("One.\nTwo.", "One.\nThree."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Three.");
    }

    @Test
    void cleanLinesOutOfOrderAreRejected() {
        assertThatThrownBy(() -> new CleanBodyAlignment("One.\nTwo.", "Two.\nOne."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("One.");
    }

    /** The first {@code word} of the clean body maps, start and end, onto the first one of the body. */
    private static void assertWordMaps(String body, String clean, CleanBodyAlignment a, String word) {
        int start = clean.indexOf(word);
        assertThat(a.toBody(start)).as(word).isEqualTo(body.indexOf(word));
        assertThat(body.substring(a.toBody(start), a.toBody(start + word.length()))).isEqualTo(word);
    }

    /** Every non-separator character of the clean body maps to the same character in the body. */
    private static void assertEveryCharacterMaps(String body, String clean, CleanBodyAlignment a) {
        for (int i = 0; i < clean.length(); i++) {
            if (clean.charAt(i) != '\n') {
                assertThat(body.charAt(a.toBody(i))).as("clean offset %d", i).isEqualTo(clean.charAt(i));
            }
        }
    }
}
