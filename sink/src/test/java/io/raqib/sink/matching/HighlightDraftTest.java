package io.raqib.sink.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.raqib.core.model.Highlight;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A draft carries enough of the text to cut the very fragment the whole text gives, wherever the span is. */
class HighlightDraftTest {

    @Property(tries = 500)
    void theDraftsFragmentIsTheOneCutFromTheWholeText(@ForAll("texts") String context,
                                                      @ForAll @IntRange(max = 10_000) int from,
                                                      @ForAll @IntRange(max = 300) int length) {
        Assume.that(from < context.length());
        int end = Math.min(context.length(), from + length);
        String span = context.substring(from, end);

        HighlightDraft draft = HighlightBuilder.draft("body", from, end, span, context, from, end);

        assertThat(draft.window().length()).isLessThanOrEqualTo(Math.max(end - from, HighlightBuilder.FRAGMENT_CHARS)
                + 2);
        assertThat(draft.highlight()).isEqualTo(new Highlight("body", from, end, span,
                HighlightBuilder.fragment(context, from, end)));
    }

    @Test
    void aDraftSurvivesTheRepartitionTopicsJson() throws Exception {
        String text = "Diplomats said the UN Security Council passed resolution 2254 on Friday.";
        HighlightDraft draft = HighlightBuilder.draft("body", 22, 38, "Security Council", text, 22, 38);
        ObjectMapper json = new ObjectMapper();

        HighlightDraft back = json.readValue(json.writeValueAsBytes(draft), HighlightDraft.class);

        assertThat(back).isEqualTo(draft);
        assertThat(back.highlight().fragment()).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcدولةالإرهاب").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> gap = Arbitraries.of(" ", "  ", "\n", "\t ", " \n\n ");
        return Arbitraries.integers().between(1, 400).flatMap(n -> word.list().ofSize(n)
                .flatMap(words -> gap.list().ofSize(n).map(gaps -> {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        out.append(words.get(i)).append(gaps.get(i));
                    }
                    return out.toString();
                })));
    }
}
