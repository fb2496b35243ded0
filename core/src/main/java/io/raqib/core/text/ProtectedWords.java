package io.raqib.core.text;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Frequent news words that begin with a proclitic letter (ب ك ل ف و) which is part of the word itself. Without
 * a lexicon, peeling that letter off would turn them into other words ({@code فكرة} "idea" → {@code كره}
 * "hatred", {@code وزارة} → {@code زاره}, {@code بطاقة} → {@code طاقه}) and make a watch on the shorter word match
 * them. {@link ProcliticFilter} never peels a protected word and the stemmer leaves it whole, so a watch on
 * {@code لبنان} matches {@code لبنان}, {@code بلبنان}, {@code ولبنان} and not milk ({@code لبن}).
 */
final class ProtectedWords {

    private static final List<String> WORDS = List.of(
            // places and people in the news
            "بيروت", "لبنان", "فرنسا", "كندا", "بريطانيا", "بغداد", "بكين", "برلين", "بروكسل", "بلجيكا", "بولندا",
            "باريس", "باكستان", "لندن", "ليبيا", "لاهاي", "كوريا", "كوبا", "كابول", "كينيا", "فنزويلا",
            "فيتنام", "فيينا", "فلسطين", "فنلندا", "واشنطن", "وارسو", "بوتين", "بايدن", "بشار", "لافروف",
            // common nouns whose first letter looks like a proclitic
            "وزير", "وزارة", "وزراء", "وكالة", "ولاية", "وقود", "وسيط", "وثيقة", "وظيفة", "ورقة", "وحدة", "وفاة",
            "بيان", "بيت", "بناء", "بنك", "برنامج", "برلمان", "بلد", "بلاد", "بلدية", "بطاقة", "بطل", "بورصة",
            "بترول", "بحيرة", "فكرة", "فترة", "فرصة", "فريق", "فندق", "فيلم", "كبير", "كلمة", "كتاب", "كرة",
            "كلية", "كنيسة", "كهرباء", "لجنة", "لقاء", "ليلة", "لحظة", "لغة", "لاعب", "لائحة");

    private static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 9;
    private static final char BASE = '\u0620';
    private static final int SPAN = 0x40;
    /** Bitmap of the words' first two letters: most Arabic words fail it and skip the hash look-up. */
    private static final long[] PREFIXES = new long[SPAN * SPAN / 64];
    private static final CharArraySet SET = build();

    private ProtectedWords() {
    }

    /** Whether {@code buffer[offset, offset + length)} is a protected word (in normalized orthography). */
    static boolean contains(char[] buffer, int offset, int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return false;
        }
        int prefix = prefix(buffer[offset], buffer[offset + 1]);
        return prefix >= 0 && (PREFIXES[prefix >>> 6] & 1L << prefix) != 0 && SET.contains(buffer, offset, length);
    }

    private static int prefix(char first, char second) {
        int a = first - BASE;
        int b = second - BASE;
        return a >= 0 && a < SPAN && b >= 0 && b < SPAN ? a * SPAN + b : -1;
    }

    private static CharArraySet build() {
        CharArraySet set = new CharArraySet(WORDS.size(), false);
        for (String word : WORDS) {
            String normalized = NormalizationStage.normalize(word);
            int prefix = prefix(normalized.charAt(0), normalized.charAt(1));
            if (prefix < 0 || normalized.length() < MIN_LENGTH || normalized.length() > MAX_LENGTH) {
                throw new IllegalStateException("protected word out of the checked shape: " + word);
            }
            PREFIXES[prefix >>> 6] |= 1L << prefix;
            set.add(normalized);
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
