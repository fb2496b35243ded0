package io.raqib.app.faults;

import io.raqib.app.faults.TopicObserver.AlertKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Alerts seen on {@code raqib.alerts} against the alerts expected, as (watch, article) pairs: lost = expected and
 * never seen, duplicated = seen more than once, unexpected = seen and not expected.
 */
record AlertComparison(int expected, int seen, List<AlertKey> lost, List<AlertKey> duplicated,
                       List<AlertKey> unexpected) {

    private static final Comparator<AlertKey> ORDER = Comparator.comparing(AlertKey::articleId,
            Comparator.nullsFirst(Comparator.<String>naturalOrder())).thenComparing(AlertKey::watchId,
            Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    /** Compares the alerts of the articles {@code inScope} accepts (the others belong to other checks). */
    static AlertComparison of(Set<AlertKey> expected, Map<AlertKey, Integer> seen, Predicate<String> inScope) {
        List<AlertKey> lost = expected.stream().filter(k -> inScope.test(k.articleId()))
                .filter(k -> !seen.containsKey(k)).sorted(ORDER).toList();
        List<AlertKey> duplicated = seen.entrySet().stream().filter(e -> inScope.test(e.getKey().articleId()))
                .filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted(ORDER).toList();
        List<AlertKey> unexpected = seen.keySet().stream().filter(k -> inScope.test(k.articleId()))
                .filter(k -> !expected.contains(k)).sorted(ORDER).toList();
        int expectedCount = (int) expected.stream().filter(k -> inScope.test(k.articleId())).count();
        int seenCount = seen.entrySet().stream().filter(e -> inScope.test(e.getKey().articleId()))
                .mapToInt(Map.Entry::getValue).sum();
        return new AlertComparison(expectedCount, seenCount, lost, duplicated, unexpected);
    }

    /** Whether every expected alert came exactly once and nothing else. */
    boolean exact() {
        return lost.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty();
    }

    /** {@code expected 812, seen 812, lost 0, duplicated 0, unexpected 0} plus a few examples of each problem. */
    String describe() {
        return "expected " + expected + ", seen " + seen + ", lost " + lost.size() + examples(lost) + ", duplicated "
                + duplicated.size() + examples(duplicated) + ", unexpected " + unexpected.size() + examples(unexpected);
    }

    private static String examples(List<AlertKey> keys) {
        return keys.isEmpty() ? "" : " (e.g. " + keys.subList(0, Math.min(3, keys.size())) + ")";
    }
}
