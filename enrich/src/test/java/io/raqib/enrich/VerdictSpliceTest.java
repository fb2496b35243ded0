package io.raqib.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.kafka.Topics;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Entity;
import io.raqib.core.model.Mention;
import io.raqib.core.model.NewText;
import io.raqib.core.model.Topic;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class VerdictSpliceTest {

    private static final String TRAP = "\"duplicateOf\":null,\"storyId\":null";

    @Property
    void theSplicedJsonIsWhatTheMapperWritesForTheArticleWithItsVerdict(@ForAll("text") String title,
            @ForAll("text") String author, @ForAll("text") String duplicateOf, @ForAll("text") String storyId,
            @ForAll boolean joinedAStory) {
        EnrichedArticle analyzed = new EnrichedArticle("a1", "https://example.com/a1", "src", title,
                "Body " + TRAP + " and {\"duplicateOf\":null,\"storyId\":null}", null, "ar",
                Instant.parse("2026-11-30T08:00:00Z"), null, "clean " + TRAP,
                List.of(new Entity("Q1", TRAP, "person", List.of(new Mention("body", 0, 4, TRAP)))),
                List.of(new Topic("medtop:1", TRAP)), null, null, author, List.of(TRAP, "news"), 0.9);

        NewText newText = joinedAStory ? new NewText(0.375, storyId) : null;

        byte[] spliced = VerdictSplice.withVerdict(bytes(analyzed), duplicateOf, storyId, newText);

        assertThat(spliced).isEqualTo(bytes(analyzed.withStory(duplicateOf, storyId, newText)));
    }

    @Test
    void jsonWithoutTheUndecidedVerdictIsLeftToTheParser() {
        byte[] decided = bytes(new EnrichedArticle("a1", null, null, "t", "b", null, "en", null, null, "b",
                List.of(), List.of(), "a0", "a0"));

        assertThat(VerdictSplice.withVerdict(decided, null, "a1", null)).isNull();
    }

    /** As the held article and the enriched topic carry it: the topic's serializer. */
    private static byte[] bytes(EnrichedArticle article) {
        return Topics.ARTICLES_ENRICHED.valueSerde().serializer().serialize("t", article);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20), Arbitraries.just(TRAP),
                Arbitraries.strings().withChars("\"\\:,{}nul\u0000é😀ا").ofMaxLength(20), Arbitraries.just(null));
    }
}
