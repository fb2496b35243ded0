package io.raqib.core.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Arabic proclitics: for an Arabic word that starts with a conjunction (و ف), then a preposition (ب ك ل), then
 * the article (ال) — each optional, in that order, with لل for ل + ال — emits the word itself and then every
 * form with one more proclitic peeled off, all at the same position and with the same offsets:
 * {@code وبالانتخابات} → {@code وبالانتخابات}, {@code بالانتخابات}, {@code الانتخابات}, {@code انتخابات};
 * {@code للارهاب} → {@code للارهاب}, {@code الارهاب}, {@code ارهاب}.
 *
 * <p>Why stack instead of replace: Arabic has no way to tell {@code ب}-the-preposition from {@code ب}-the-letter
 * without a lexicon ({@code بانتخابات} vs {@code بيروت}). Keeping the original means a word is never lost — a
 * watch on {@code بيروت} always matches {@code بيروت} — while the peeled forms let {@code بانتخابات الرئاسة}
 * match the phrase {@code انتخابات الرئاسة}. Documents and queries go through this same filter: the query parser
 * turns stacked tokens into a {@code SynonymQuery} (one word) or a {@code MultiPhraseQuery} (a phrase), so a
 * query word and a document word match when they share any form, and phrase and proximity queries keep working
 * because every form sits at the word's position. The cost is precision: a query word may also match words whose
 * first letter only looks like a proclitic. Two guards limit it: a form is only emitted when at least
 * {@value #MIN_STEM} letters remain, and {@link ProtectedWords} (frequent words such as {@code فكرة},
 * {@code وزارة}, {@code لبنان}) are never peeled and are marked as keywords so the stemmer keeps them whole.
 */
public final class ProcliticFilter extends TokenFilter {

    /** The fewest letters a peeled form may keep; Arabic roots have three. */
    static final int MIN_STEM = 3;
    private static final int MAX_FORMS = 4;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    private char[] word = new char[32];
    private int wordLength;
    private final int[] formStarts = new int[MAX_FORMS];
    private final boolean[] formArticles = new boolean[MAX_FORMS];
    private final boolean[] formProtected = new boolean[MAX_FORMS];
    private int forms;
    private int nextForm;

    /** Wraps a token stream over normalized text. */
    public ProcliticFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (nextForm < forms) {
            emitForm(nextForm++);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        forms = 0;
        nextForm = 0;
        char[] buffer = term.buffer();
        int length = term.length();
        if (ArabicScript.startsArabic(buffer, length)) {
            boolean isProtected = ProtectedWords.contains(buffer, 0, length);
            keyword.setKeyword(keyword.isKeyword() || isProtected);
            if (!isProtected) {
                remember(buffer, length);
                peel();
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        forms = 0;
        nextForm = 0;
    }

    private void remember(char[] buffer, int length) {
        if (word.length < length) {
            word = new char[Math.max(length, word.length * 2)];
        }
        System.arraycopy(buffer, 0, word, 0, length);
        wordLength = length;
    }

    /** Records the peeled forms of {@code word}; stops at the first protected one. */
    private void peel() {
        int at = 0;
        if (isConjunction(word[0]) && remains(1)) {
            at = 1;
            if (addForm(at, false)) {
                return;
            }
        }
        if (isPreposition(word[at])) {
            if (word[at] == ArabicScript.LAM && at + 1 < wordLength && word[at + 1] == ArabicScript.LAM) {
                // لل is ل + ال with the alef dropped: restore the article, then drop it too.
                if (remains(at + 2)) {
                    addForm(at + 2, true);
                    addForm(at + 2, false);
                }
                return;
            }
            if (remains(at + 1)) {
                at++;
                if (addForm(at, false)) {
                    return;
                }
            }
        }
        if (remains(at + 2) && word[at] == ArabicScript.ALEF && word[at + 1] == ArabicScript.LAM) {
            addForm(at + 2, false);
        }
    }

    private boolean remains(int start) {
        return wordLength - start >= MIN_STEM;
    }

    /** Adds the form {@code [ال] + word[start..]}; true when that form is protected, which ends peeling. */
    private boolean addForm(int start, boolean article) {
        formStarts[forms] = start;
        formArticles[forms] = article;
        boolean isProtected = !article && ProtectedWords.contains(word, start, wordLength - start);
        formProtected[forms++] = isProtected;
        return isProtected;
    }

    private void emitForm(int index) {
        int start = formStarts[index];
        int prefix = formArticles[index] ? 2 : 0;
        int length = prefix + wordLength - start;
        char[] buffer = term.resizeBuffer(length);
        if (prefix > 0) {
            buffer[0] = ArabicScript.ALEF;
            buffer[1] = ArabicScript.LAM;
        }
        System.arraycopy(word, start, buffer, prefix, wordLength - start);
        term.setLength(length);
        position.setPositionIncrement(0);
        keyword.setKeyword(formProtected[index]);
    }

    private static boolean isConjunction(char c) {
        return c == '\u0648' || c == '\u0641';
    }

    private static boolean isPreposition(char c) {
        return c == '\u0628' || c == '\u0643' || c == ArabicScript.LAM;
    }
}
