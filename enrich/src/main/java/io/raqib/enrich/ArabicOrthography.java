package io.raqib.enrich;

/**
 * Settles that a text is Arabic (the language) from its writing alone, so the statistical model need not run:
 * almost all its letters are the Arabic alphabet proper (U+0621–U+064A), hardly any are the letters Persian, Urdu,
 * Pashto, Kurdish or Uyghur add (پ چ ژ گ ک ی ے ہ …), and many of its words carry the definite article (ال, also
 * after و ب ف ك, or لل), which those languages use only in loanwords. Anything less clear is left to the model.
 */
final class ArabicOrthography {

    /** Least Arabic-alphabet letters for the rule to judge at all (the model's own minimum). */
    static final int MIN_LETTERS = LanguageDetector.MIN_LETTERS_FOR_MODEL;
    /** Confidence reported when the rule settles: its decisions agreed with the model on the whole corpus. */
    static final double CONFIDENCE = 0.99;
    private static final double MIN_ARABIC_SHARE = 0.9;
    private static final double MAX_EXTENDED_SHARE = 0.01;
    private static final double MIN_ARTICLE_SHARE = 0.12;
    private static final char TATWEEL = '\u0640';

    private ArabicOrthography() {
    }

    /** Whether {@code text} is Arabic by its letters and its definite articles. */
    static boolean isArabic(CharSequence text) {
        int letters = 0;
        int arabic = 0;
        int extended = 0;
        int words = 0;
        int withArticle = 0;
        int wordStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean arabicScript = isArabicScriptLetter(c);
            if (Character.isLetter(c) && c != TATWEEL) {
                letters++;
                if (c >= '\u0621' && c <= '\u064A') {
                    arabic++;
                } else if (arabicScript) {
                    extended++;
                }
            }
            boolean inWord = arabicScript || c == TATWEEL || c >= '\u064B' && c <= '\u065F' || c == '\u0670';
            if (arabicScript && wordStart < 0) {
                wordStart = i;
            } else if (!inWord && wordStart >= 0) {
                words++;
                withArticle += hasArticle(text, wordStart, i) ? 1 : 0;
                wordStart = -1;
            }
        }
        return arabic >= MIN_LETTERS && arabic >= MIN_ARABIC_SHARE * letters && extended <= MAX_EXTENDED_SHARE * arabic
                && withArticle >= MIN_ARTICLE_SHARE * words;
    }

    /** A letter of the Arabic script: the Arabic blocks by range (a script lookup per character costs a search). */
    private static boolean isArabicScriptLetter(char c) {
        boolean arabicBlock = c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F'
                || c >= '\u08A0' && c <= '\u08FF' || c >= '\uFB50' && c <= '\uFDFF' || c >= '\uFE70' && c <= '\uFEFF';
        return arabicBlock && c != TATWEEL && Character.isLetter(c);
    }

    /** ال at the word's start, or after one proclitic letter (و ب ف ك), or لل, with at least one letter after it. */
    private static boolean hasArticle(CharSequence text, int start, int end) {
        if (end - start > 3 && "وبفك".indexOf(text.charAt(start)) >= 0 && text.charAt(start + 1) == 'ا'
                && text.charAt(start + 2) == 'ل') {
            return true;
        }
        return end - start > 2 && (text.charAt(start) == 'ا' || text.charAt(start) == 'ل')
                && text.charAt(start + 1) == 'ل';
    }
}
