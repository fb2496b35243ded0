package io.raqib.enrich.entity;

import io.raqib.enrich.text.AnalyzedText;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a role mention ({@code Russian President}, {@code الرئيس الروسي}) can stand for the office's current
 * holder. Not when a word next to it makes the office someone's past, temporary or future one ({@code former},
 * {@code the late}, {@code acting}, {@code ex-}, {@code then-}; {@code السابق}, {@code الراحل}, {@code الأسبق},
 * {@code المؤقت}, {@code بالإنابة}, which follow the noun phrase: {@code الرئيس الروسي السابق}), and not when
 * another person's name follows it directly ({@code French President Jacques Chirac}, {@code الرئيس الفرنسي
 * فرانسوا هولاند}). Only words joined to the role by spaces or a hyphen count, never across punctuation.
 */
final class RoleQualifiers {

    private static final Set<String> ARABIC = forms("السابق", "الراحل", "الأسبق", "المؤقت", "بالإنابة", "بالوكالة",
            "المعزول", "المخلوع", "المقبل", "المنتخب");
    private static final Set<String> BEFORE = union(ARABIC, forms("former", "late", "acting", "interim", "ex", "then",
            "previous", "deposed", "ousted", "incoming", "future"));

    private RoleQualifiers() {
    }

    /**
     * Whether the role span {@code role} of {@code source} may mean {@code holder}, the office's current holder.
     *
     * @param next the candidate span after {@code role} in the same text, or null
     */
    static boolean mayMeanHolder(String source, Candidate role, GazetteerEntry holder, Candidate next) {
        if (matches(wordBefore(source, role.start()), BEFORE)
                || matches(wordAfter(source, role.end()), ARABIC)) {
            return false;
        }
        int following = skipGap(source, role.end(), false);
        if (next != null && next.start() == following && (next.reads(holder) || next.readsAPerson())) {
            return next.reads(holder);
        }
        // A capitalised word right after an English role is a name, and not the holder's (that would be a span).
        return following >= source.length() || !Character.isUpperCase(source.charAt(following));
    }

    private static String wordBefore(String source, int start) {
        int end = start;
        while (end > 0 && gap(source.charAt(end - 1), true)) {
            end--;
        }
        int from = end;
        while (from > 0 && wordChar(source.charAt(from - 1))) {
            from--;
        }
        return source.substring(from, end);
    }

    private static String wordAfter(String source, int end) {
        int from = skipGap(source, end, true);
        int to = from;
        while (to < source.length() && wordChar(source.charAt(to))) {
            to++;
        }
        return source.substring(from, to);
    }

    private static int skipGap(String source, int at, boolean hyphens) {
        while (at < source.length() && gap(source.charAt(at), hyphens)) {
            at++;
        }
        return at;
    }

    private static boolean gap(char c, boolean hyphens) {
        return (c != '\n' && Character.isWhitespace(c)) || c == '\u00A0' || (hyphens && (c == '-' || c == '\u2010'));
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean matches(String word, Set<String> modifiers) {
        if (word.isEmpty()) {
            return false;
        }
        return AnalyzedText.forNames(word).words().stream().flatMap(w -> w.forms().stream())
                .anyMatch(modifiers::contains);
    }

    private static Set<String> forms(String... words) {
        Set<String> forms = new HashSet<>();
        for (String word : words) {
            AnalyzedText.forNames(word).words().forEach(w -> forms.add(w.term()));
        }
        return forms;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
