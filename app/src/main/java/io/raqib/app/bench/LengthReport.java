package io.raqib.app.bench;

import io.raqib.core.model.EnrichedArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Time per article by article length (characters of title and clean body), in buckets that double in size. */
final class LengthReport {

    private static final int[] UPPER_BOUNDS = {1_000, 2_000, 4_000, 8_000, Integer.MAX_VALUE};

    private LengthReport() {
    }

    /** One line: per bucket the documents, the mean and the median time of each, in milliseconds. */
    static String of(List<EnrichedArticle> docs, long[] nanos) {
        List<String> parts = new ArrayList<>();
        int lower = 0;
        for (int upper : UPPER_BOUNDS) {
            List<Long> bucket = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                int chars = length(docs.get(i));
                if (chars >= lower && chars < upper) {
                    bucket.add(nanos[i]);
                }
            }
            if (!bucket.isEmpty()) {
                long[] sorted = bucket.stream().mapToLong(Long::longValue).sorted().toArray();
                parts.add(String.format(Locale.ROOT, "%s n=%d mean=%.2fms p50=%.2fms", label(lower, upper),
                        sorted.length, Arrays.stream(sorted).average().orElse(0) / 1e6,
                        sorted[sorted.length / 2] / 1e6));
            }
            lower = upper;
        }
        return "time per article by length (chars): " + String.join(" | ", parts);
    }

    private static int length(EnrichedArticle a) {
        return (a.title() == null ? 0 : a.title().length()) + (a.cleanBody() == null ? 0 : a.cleanBody().length());
    }

    private static String label(int lower, int upper) {
        return upper == Integer.MAX_VALUE ? "≥" + lower / 1000 + "k" : lower / 1000 + "–" + upper / 1000 + "k";
    }
}
