package io.raqib.sink.matching;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.text.CleanBodyAlignment;
import io.raqib.core.text.TextFields;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * An enriched article as the Lucene document watches are matched against, and the way back from a hit's
 * offsets to the ORIGINAL {@code title}/{@code body} text. Field {@code text} is title + {@code \n} + clean body.
 */
public final class ArticleDocument {

    private final EnrichedArticle article;
    private final String title;
    private final String cleanBody;
    private CleanBodyAlignment alignment;
    private final Document document = new Document();
    private final Map<Span, HighlightDraft> drafts = new HashMap<>();

    public ArticleDocument(EnrichedArticle article) {
        this.article = article;
        this.title = article.title() == null ? "" : article.title();
        this.cleanBody = article.cleanBody() == null ? "" : article.cleanBody();
        document.add(new TextField(TextFields.TEXT, title + "\n" + cleanBody, Field.Store.NO));
        document.add(new TextField(TextFields.TITLE, title, Field.Store.NO));
        addKeyword(TextFields.LANG, article.language());
        addKeyword(TextFields.SOURCE, article.source());
        article.entities().forEach(e -> addKeyword(TextFields.ENTITY, e.id()));
        article.topics().forEach(t -> addKeyword(TextFields.TOPIC, t.id()));
    }

    /** The Lucene document. */
    public Document document() {
        return document;
    }

    /** The article. */
    public EnrichedArticle article() {
        return article;
    }

    /**
     * Maps a hit in an indexed field to the original field it came from ({@code title} or {@code body}), with
     * the hit's place in the clean text for fragments; null for metadata fields.
     */
    public Span locate(String field, int start, int end) {
        if (TextFields.TITLE.equals(field)) {
            return new Span(TextFields.TITLE, start, end, title, start, end);
        }
        if (!TextFields.TEXT.equals(field)) {
            return null;
        }
        if (start < title.length()) {
            int titleEnd = Math.min(end, title.length());
            return new Span(TextFields.TITLE, start, titleEnd, title, start, titleEnd);
        }
        int cleanStart = start - title.length() - 1;
        int cleanEnd = end - title.length() - 1;
        CleanBodyAlignment align = alignment();
        return new Span("body", align.toBody(cleanStart), align.toBody(cleanEnd), cleanBody, cleanStart,
                cleanEnd);
    }

    /** The highlight draft of a span, built once per article: many watches share words. Not thread-safe. */
    HighlightDraft draft(Span span, BiFunction<ArticleDocument, Span, HighlightDraft> build) {
        return drafts.computeIfAbsent(span, s -> build.apply(this, s));
    }

    /** The clean-body → body offset map, built on the first body hit: most articles match no watch. */
    private CleanBodyAlignment alignment() {
        if (alignment == null) {
            alignment = new CleanBodyAlignment(article.body() == null ? "" : article.body(), cleanBody);
        }
        return alignment;
    }

    /** The original text of {@code title} or {@code body}. */
    public String original(String field) {
        String text = TextFields.TITLE.equals(field) ? article.title() : article.body();
        return text == null ? "" : text;
    }

    /**
     * A span of an original field ({@code start}/{@code end} index {@link #original(String)}), and the same span
     * in the boilerplate-free {@code context} text that fragments are cut from.
     */
    public record Span(String field, int start, int end, String context, int contextStart, int contextEnd) {
    }

    private void addKeyword(String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new StringField(field, value, Field.Store.NO));
        }
    }
}
