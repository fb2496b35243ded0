package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever lines are dropped and whatever is cut off the start or end of the others, the clean body aligns and
 * every clean piece maps onto the same text in the body. Lines from a tiny alphabet make the same text recur
 * across lines, which is where placing a piece is hard.
 */
class CleanBodyAlignmentPropertyTest {

    @Property(tries = 500)
    void everyPieceMapsOntoTheSameTextInTheBody(@ForAll("lines") List<String> lines, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> pieces = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty() || random.nextInt(3) == 0) {
                continue;
            }
            int start = random.nextInt(2) == 0 ? 0 : random.nextInt(line.length());
            int end = random.nextInt(2) == 0 ? line.length() : start + 1 + random.nextInt(line.length() - start);
            pieces.add(line.substring(start, end));
        }
        Assume.that(!pieces.isEmpty());
        String body = String.join("\n", lines);
        String clean = String.join("\n", pieces);

        CleanBodyAlignment alignment = new CleanBodyAlignment(body, clean);

        int cleanStart = 0;
        int previousEnd = -1;
        for (String piece : pieces) {
            int from = alignment.toBody(cleanStart);
            int to = alignment.toBody(cleanStart + piece.length());
            assertThat(body.substring(from, to)).isEqualTo(piece);
            assertThat(from).as("pieces keep their order, one per line").isGreaterThan(previousEnd);
            previousEnd = to;
            cleanStart += piece.length() + 1;
        }
    }

    @Provide
    Arbitrary<List<String>> lines() {
        return Arbitraries.strings().withChars("ab .").ofMaxLength(8).list().ofMinSize(1).ofMaxSize(8);
    }
}
