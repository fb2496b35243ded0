package io.raqib.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    @Test
    void analyzedTextStacksCliticFormsAtOnePositionWithOriginalOffsets() {
        AnalyzedText text = AnalyzedText.of("وبالانتخابات بوتـ.ـين");

        assertThat(text.size()).isEqualTo(2);
        assertThat(text.word(0).forms()).hasSizeGreaterThan(1);
        assertThat(text.word(1).start()).isEqualTo(13);
        assertThat(text.word(1).end()).isEqualTo(21);
    }

    @Test
    void longestMatchesDoNotOverlapAndAllMatchesDo() {
        PhraseMatcher<String> matcher = new PhraseMatcher<>();
        matcher.add(terms("security council"), "council");
        matcher.add(terms("un security council"), "unsc");
        matcher.add(terms("un"), "un");
        AnalyzedText text = AnalyzedText.of("The UN Security Council met");

        assertThat(matcher.longestMatches(text)).extracting(PhraseMatcher.Match::values)
                .containsExactly(List.of("unsc"));
        assertThat(matcher.allMatches(text)).extracting(PhraseMatcher.Match::values)
                .containsExactlyInAnyOrder(List.of("un"), List.of("unsc"), List.of("council"));
        assertThat(matcher.size()).isEqualTo(3);
    }

    private static List<String> terms(String phrase) {
        return AnalyzedText.of(phrase).words().stream().map(AnalyzedText.Word::term).toList();
    }
}
