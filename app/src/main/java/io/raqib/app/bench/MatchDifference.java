package io.raqib.app.bench;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import java.util.Locale;

/** A (watch, article) pair that one of two matchers found and the other did not. */
public record MatchDifference(Watch watch, EnrichedArticle article, String foundBy) {

    private static final int SNIPPET_CHARS = 160;

    /** One line: which matcher found the pair, the watch (query or weighted terms) and the start of the article. */
    public String describe() {
        return String.format(Locale.ROOT, "only %s: watch %s %s | article %s [%s, %s] %s", foundBy, watch.id(),
                watchText(), article.id(), article.language(), article.source(), snippet());
    }

    private String watchText() {
        StringBuilder b = new StringBuilder();
        if (watch.query() != null) {
            b.append("query=").append(watch.query());
        }
        if (watch.weighted()) {
            b.append(" terms=").append(watch.terms()).append(" threshold=").append(watch.threshold())
                    .append(" required=").append(watch.required()).append(" excluded=").append(watch.excluded());
        }
        if (!watch.languages().isEmpty()) {
            b.append(" languages=").append(watch.languages());
        }
        return b.toString().strip();
    }

    /** The title and the start of the clean body on one line, so a reader sees why the watch should fire. */
    private String snippet() {
        String text = (article.title() + " / " + article.cleanBody()).replaceAll("\\s+", " ");
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
    }
}
