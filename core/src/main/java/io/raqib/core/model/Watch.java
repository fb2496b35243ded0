package io.raqib.core.model;

import java.time.Duration;
import java.util.List;

/**
 * An analyst's stored search (contract: DESIGN.md). {@code query} is Lucene classic syntax over the analyzed
 * text, default field {@code text}; {@code languages} restricts matching to those article languages when set.
 */
public record Watch(
        String id,
        String name,
        String query,
        String owner,
        String desk,
        List<String> languages,
        Duration throttle,
        String webhook) {

    public Watch {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Whether this watch applies to an article in the given language. */
    public boolean acceptsLanguage(String language) {
        return languages.isEmpty() || languages.contains(language);
    }
}
