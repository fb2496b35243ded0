package io.raqib.ingest;

import io.raqib.core.model.Article;
import io.raqib.ingest.feed.FeedDocument;
import io.raqib.ingest.feed.FeedEntry;
import java.util.List;

/** Turns the entries of a parsed feed into articles of one source. */
public final class FeedArticles {

    private FeedArticles() {
    }

    /**
     * One article per entry: title as plain text, content as text (HTML kept in {@code html}), link made
     * canonical, the entry's or feed's language, else {@code languageHint}.
     */
    public static List<Article> of(FeedDocument feed, String source, String languageHint) {
        return feed.entries().stream().map(e -> article(e, source, languageHint)).toList();
    }

    private static Article article(FeedEntry e, String source, String languageHint) {
        String url = e.link() == null ? null : ArticleIds.canonicalUrl(e.link()).orElse(e.link());
        String language = e.language() != null ? e.language() : languageHint;
        return new Article(null, url, source, e.title().plain(), e.text(), e.html(), language, e.published(), null,
                e.author(), e.categories());
    }
}
