package io.raqib.core.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Records each token's name form ({@link NameFormAttribute}) before the stemmer changes the term: the term with an
 * English possessive ({@code 's}, {@code ’s}, {@code ＇s}) dropped, as Lucene's {@code EnglishPossessiveFilter} does
 * in the names chain.
 */
final class NameFormFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final NameFormAttribute nameForm = addAttribute(NameFormAttribute.class);

    NameFormFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        boolean possessive = length >= 2 && (buffer[length - 2] == '\'' || buffer[length - 2] == '\u2019'
                || buffer[length - 2] == '\uFF07') && (buffer[length - 1] == 's' || buffer[length - 1] == 'S');
        nameForm.setNameForm(new String(buffer, 0, possessive ? length - 2 : length));
        return true;
    }
}
