package io.raqib.core.text;

import java.util.Set;

/** Names of the fields an article is indexed under, and that watch queries may name. */
public final class TextFields {

    /** Default field: title + clean body, analyzed. */
    public static final String TEXT = "text";
    /** The title alone, analyzed. */
    public static final String TITLE = "title";
    /** Detected language code, verbatim. */
    public static final String LANG = "lang";
    /** Source id, verbatim. */
    public static final String SOURCE = "source";
    /** Entity Wikidata QIDs, verbatim. */
    public static final String ENTITY = "entity";
    /** IPTC topic ids, verbatim. */
    public static final String TOPIC = "topic";

    /** Fields indexed as exact keywords rather than analyzed text. */
    public static final Set<String> KEYWORD_FIELDS = Set.of(LANG, SOURCE, ENTITY, TOPIC);

    private TextFields() {
    }
}
