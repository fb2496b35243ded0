package io.raqib.sink.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A field's analysed tokens replayed from the positions and offsets {@link ArticleTerms} recorded, so a Lucene
 * index of the article can be built without analysing its text a second time.
 */
final class RecordedTokens extends TokenStream {

    private record Token(String term, int position, int start, int end) {
    }

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute incrementAtt = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final List<Token> tokens = new ArrayList<>();
    private int next;
    private int position;

    /** The tokens of a field with positions, in position order (terms at one position in any order). */
    RecordedTokens(Map<String, ArticleTerms.Occurrences> terms) {
        terms.forEach((term, at) -> {
            for (int i = 0; i < at.count; i++) {
                tokens.add(new Token(term, at.positions[i], at.starts[i], at.ends[i]));
            }
        });
        tokens.sort(Comparator.comparingInt(Token::position));
    }

    @Override
    public boolean incrementToken() {
        if (next == tokens.size()) {
            return false;
        }
        clearAttributes();
        Token t = tokens.get(next++);
        termAtt.setEmpty().append(t.term());
        incrementAtt.setPositionIncrement(t.position() - position);
        offsetAtt.setOffset(t.start(), t.end());
        position = t.position();
        return true;
    }

    @Override
    public void reset() {
        next = 0;
        position = -1;
    }
}
