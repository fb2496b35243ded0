package io.raqib.core.text;

/** Character classes of the Arabic script, shared by the normalization stages and the token filters. */
final class ArabicScript {

    static final char TATWEEL = '\u0640';
    static final char ALEF = '\u0627';
    static final char LAM = '\u0644';
    static final char HEH = '\u0647';

    private ArabicScript() {
    }

    /** Whether {@code c} is an Arabic-script letter (tatweel, digits and punctuation are not). */
    static boolean isLetter(char c) {
        if (c < 0x0621) {
            return false;
        }
        return c <= 0x064A ? c != TATWEEL
                : c >= 0x066E && c <= 0x06D3 || c == 0x06D5 || c == 0x06EE || c == 0x06EF
                        || c >= 0x06FA && c <= 0x06FC || c == 0x06FF || c >= 0x0750 && c <= 0x077F
                        || c >= 0x08A0 && c <= 0x08C9;
    }

    /** Whether {@code c} is an Arabic combining mark: harakat, hamza/madda marks, Quranic annotation marks. */
    static boolean isMark(char c) {
        if (c < 0x0610) {
            return false;
        }
        return c <= 0x061A || c >= 0x064B && c <= 0x065F || c == 0x0670 || c >= 0x06D6 && c <= 0x06DC
                || c >= 0x06DF && c <= 0x06E4 || c == 0x06E7 || c == 0x06E8 || c >= 0x06EA && c <= 0x06ED
                || c >= 0x08CA && c <= 0x08FF && c != 0x08E2;
    }

    /** Whether {@code c} may stand between the letters of a disguised word: {@code . _ - *}, space, · or •. */
    static boolean isDisguiseSeparator(char c) {
        return c == '.' || c == '_' || c == '-' || c == '*' || c == ' ' || c == '\u00B7' || c == '\u2022';
    }

    /** Whether the term in {@code buffer[0, length)} is an Arabic-script word (it starts with an Arabic letter). */
    static boolean startsArabic(char[] buffer, int length) {
        return length > 0 && isLetter(buffer[0]);
    }
}
