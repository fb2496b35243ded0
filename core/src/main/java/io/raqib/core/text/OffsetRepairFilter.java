package io.raqib.core.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Gives a token whose offsets collapsed to an empty span the one original char it came from. NFKC expands some
 * single characters into several words (ﷺ → صلى الله عليه وسلم); every word of the expansion points back to that
 * one char, and only the last word's end offset can reach past it. A highlight must never be empty.
 */
final class OffsetRepairFilter extends TokenFilter {

    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

    OffsetRepairFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (offset.endOffset() <= offset.startOffset()) {
            offset.setOffset(offset.startOffset(), offset.startOffset() + 1);
        }
        return true;
    }
}
