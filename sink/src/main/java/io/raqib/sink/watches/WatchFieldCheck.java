package io.raqib.sink.watches;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.Watch;
import io.raqib.core.model.WebhookFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the fields of a watch other than the query grammar against {@link WatchLimits}: id, desk, name, owner,
 * throttle, languages, webhookFormat, and the sizes of the weighted-terms lists and of the query. Each refusal names the field.
 */
final class WatchFieldCheck {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /**
     * Every language an article can be tagged with: ISO 639-1, {@code und} (no letters), and the ISO 639-3 codes
     * enrich's detector reports for the languages of its model that have no ISO 639-1 code. Bounded, so the
     * per-language indexes of {@link WatchRegistry} are too.
     */
    static final Set<String> LANGUAGES = Stream.concat(Arrays.stream(Locale.getISOLanguages()),
            Stream.of("und", "ast", "ceb", "gsw", "min", "nan", "nds", "plt", "pnb", "war"))
            .collect(Collectors.toUnmodifiableSet());

    private final WatchLimits limits;

    WatchFieldCheck(WatchLimits limits) {
        this.limits = limits;
    }

    /** Throws {@link InvalidWatchException} naming the first field of {@code watch} out of bounds. */
    void check(Watch watch) {
        String id = watch.id();
        if (id == null || id.isBlank()) {
            throw new InvalidWatchException(String.valueOf(id), "id", -1, "id is required", null);
        }
        if (!ID.matcher(id).matches()) {
            throw new InvalidWatchException(abbreviate(id), "id", -1,
                    "id: use letters, digits, '.', '_' and '-' (at most 128, starting with a letter or digit)", null);
        }
        if (watch.desk() != null && !Watch.DESK_NAME.matcher(watch.desk()).matches()) {
            throw invalid(id, "desk",
                    "use lower-case letters, digits, '.', '_' and '-', at most 100 (it names the topic "
                            + "raqib.alerts.<desk>)");
        }
        maxLength(id, "name", watch.name(), limits.maxLabelChars());
        maxLength(id, "owner", watch.owner(), limits.maxLabelChars());
        maxLength(id, "query", watch.query(), limits.maxQueryChars());
        if (watch.throttle() != null && (watch.throttle().isNegative() || watch.throttle().isZero()
                || watch.throttle().compareTo(limits.maxThrottle()) > 0)) {
            throw invalid(id, "throttle", "must be a positive ISO-8601 duration of at most " + limits.maxThrottle());
        }
        languages(id, watch.languages());
        if (watch.webhookFormat() != null && WebhookFormat.named(watch.webhookFormat()).isEmpty()) {
            throw invalid(id, "webhookFormat", "'" + abbreviate(watch.webhookFormat()) + "' is not a format: use "
                    + WebhookFormat.choices() + ", or leave it out for the desk's format");
        }
        maxEntries(id, "terms", watch.terms().stream().map(Watch.Term::text).toList());
        maxEntries(id, "required", watch.required());
        maxEntries(id, "excluded", watch.excluded());
    }

    private void languages(String id, List<String> languages) {
        if (languages.size() > limits.maxLanguages()) {
            throw invalid(id, "languages", languages.size() + " languages, at most " + limits.maxLanguages());
        }
        for (int i = 0; i < languages.size(); i++) {
            String code = languages.get(i);
            if (!LANGUAGES.contains(code)) {
                throw invalid(id, "languages", "entry " + (i + 1) + " '" + abbreviate(code)
                        + "' is not a language code: use lower-case ISO 639-1 codes such as 'ar' or 'en' "
                        + "(or 'und')");
            }
        }
    }

    private void maxEntries(String id, String field, List<String> entries) {
        if (entries.size() > limits.maxTerms()) {
            throw invalid(id, field, entries.size() + " entries, at most " + limits.maxTerms());
        }
        for (String entry : entries) {
            maxLength(id, field, entry, limits.maxTermChars());
        }
    }

    private static void maxLength(String id, String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid(id, field, value.length() + " characters, at most " + max);
        }
    }

    private static InvalidWatchException invalid(String id, String field, String reason) {
        return new InvalidWatchException(id, field, -1, field + ": " + reason, null);
    }

    /** A bad value quoted in an error, cut so an oversized one does not flood logs and answers. */
    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
