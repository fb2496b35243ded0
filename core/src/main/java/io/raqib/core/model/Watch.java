package io.raqib.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An analyst's stored search (contract: DESIGN.md). {@code query} is Lucene classic syntax over the analyzed
 * text, default field {@code text}; {@code languages} restricts matching to those article languages when set.
 *
 * <p>Second, recall-oriented form (Europe Media Monitor style): instead of (or besides) {@code query}, weighted
 * {@code terms} (words or phrases) that fire when the weights of the distinct terms found reach
 * {@code threshold}; {@code required} terms must all be present and {@code excluded} terms must all be absent.
 * With both forms set, the article must satisfy both.
 *
 * <p>Optional {@code webhookFormat}: the body its {@code webhook} receives, {@code cloudevents} (the alert's
 * CloudEvent JSON) or {@code slack} (a Slack incoming-webhook message); unset, the desk's format
 * ({@code raqib.webhook.formats}) applies, else {@code cloudevents}. Signing secrets are not part of a watch: the
 * operator sets them per desk ({@code raqib.webhook.secrets}), so they never travel on {@code raqib.watches}.
 *
 * <p>Optional {@code mutedUntil}: until that instant the alert gate holds back every match of the watch (counted,
 * and reported by its next alert as {@code suppressedSince}); unset or past, the watch alerts as usual.
 */
public record Watch(
        String id,
        String name,
        String query,
        String owner,
        String desk,
        List<String> languages,
        Duration throttle,
        String webhook,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Term> terms,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double threshold,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> required,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> excluded,
        @JsonInclude(JsonInclude.Include.NON_NULL) String webhookFormat,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant mutedUntil) {

    /** What a desk name may be: lower-case letters, digits, {@code . _ -}, at most 100 (it names a topic). */
    public static final Pattern DESK_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public Watch {
        languages = languages == null ? List.of() : List.copyOf(languages);
        terms = terms == null ? List.of() : List.copyOf(terms);
        required = required == null ? List.of() : List.copyOf(required);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    /** A query watch (the classic form). */
    public Watch(String id, String name, String query, String owner, String desk, List<String> languages,
                 Duration throttle, String webhook) {
        this(id, name, query, owner, desk, languages, throttle, webhook, List.of(), null, List.of(), List.of());
    }

    /** A watch whose webhook gets its desk's format. */
    public Watch(String id, String name, String query, String owner, String desk, List<String> languages,
                 Duration throttle, String webhook, List<Term> terms, Double threshold, List<String> required,
                 List<String> excluded) {
        this(id, name, query, owner, desk, languages, throttle, webhook, terms, threshold, required, excluded, null);
    }

    /** A watch that is not muted. */
    public Watch(String id, String name, String query, String owner, String desk, List<String> languages,
                 Duration throttle, String webhook, List<Term> terms, Double threshold, List<String> required,
                 List<String> excluded, String webhookFormat) {
        this(id, name, query, owner, desk, languages, throttle, webhook, terms, threshold, required, excluded,
                webhookFormat, null);
    }

    /** Whether this watch applies to an article in the given language. */
    public boolean acceptsLanguage(String language) {
        return languages.isEmpty() || languages.contains(language);
    }

    /** Whether this watch uses the weighted-terms form. */
    public boolean weighted() {
        return !terms.isEmpty();
    }

    /** A copy with another id (the REST API assigns ids). */
    public Watch withId(String newId) {
        return new Watch(newId, name, query, owner, desk, languages, throttle, webhook, terms, threshold, required,
                excluded, webhookFormat, mutedUntil);
    }

    /** A copy with another webhook (admission stores the normalized URL). */
    public Watch withWebhook(String newWebhook) {
        return new Watch(id, name, query, owner, desk, languages, throttle, newWebhook, terms, threshold, required,
                excluded, webhookFormat, mutedUntil);
    }

    /** A copy muted until {@code until}; null unmutes it. */
    public Watch withMutedUntil(Instant until) {
        return new Watch(id, name, query, owner, desk, languages, throttle, webhook, terms, threshold, required,
                excluded, webhookFormat, until);
    }

    /** A weighted term of the second watch form: a word or phrase (analyzed like the text) and its weight. */
    public record Term(String text, double weight) {
    }
}
