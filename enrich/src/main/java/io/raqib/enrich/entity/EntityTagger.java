package io.raqib.enrich.entity;

import io.raqib.core.model.Entity;
import io.raqib.core.model.Mention;
import io.raqib.enrich.text.AnalyzedText;
import io.raqib.enrich.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Tags gazetteer entities in an article's title and clean body (never in boilerplate such as read-also lines),
 * on analyzed words, longest name first. Mentions carry offsets into the original title or body; an entity keeps
 * its first {@link #MAX_MENTIONS}, so a text repeating a name cannot inflate the enriched record and every alert.
 */
public final class EntityTagger {

    /** Mentions kept per entity. */
    public static final int MAX_MENTIONS = 100;

    private final PhraseMatcher<Gazetteer.Name> names;

    /** A tagger over every name of {@code gazetteer}. */
    public EntityTagger(Gazetteer gazetteer) {
        this.names = gazetteer.matcher();
    }

    /**
     * The entities of one article, in order of first mention.
     *
     * @param title     the original title
     * @param body      the original body
     * @param cleanBody the body without boilerplate, whose lines are whole lines of {@code body}
     * @param analyzedTitle  {@code title}, analyzed
     * @param analyzedClean  {@code cleanBody}, analyzed
     * @param toBodyOffset   maps a clean-body offset to a body offset
     * @param language  the article's language, which picks the canonical name
     */
    public List<Entity> tag(String title, String body, AnalyzedText analyzedTitle, AnalyzedText analyzedClean,
                            String cleanBody, IntUnaryOperator toBodyOffset, String language) {
        Map<GazetteerEntry, List<Mention>> found = new LinkedHashMap<>();
        collect(analyzedTitle, title, "title", IntUnaryOperator.identity(), title, found);
        collect(analyzedClean, cleanBody, "body", toBodyOffset, body, found);
        List<Entity> entities = new ArrayList<>(found.size());
        found.forEach((entry, mentions) ->
                entities.add(new Entity(entry.qid(), entry.name(language), entry.type(), mentions)));
        return entities;
    }

    private void collect(AnalyzedText analyzed, String analyzedSource, String field, IntUnaryOperator toOriginal,
                         String original, Map<GazetteerEntry, List<Mention>> found) {
        for (PhraseMatcher.Match<Gazetteer.Name> match : names.longestMatches(analyzed)) {
            int start = analyzed.word(match.from()).start();
            int end = analyzed.word(match.to() - 1).end();
            String surface = analyzedSource.substring(start, end);
            for (Gazetteer.Name name : match.values()) {
                if (name.acronym() && !surface.equals(surface.toUpperCase(Locale.ROOT))) {
                    continue;
                }
                List<Mention> mentions = found.computeIfAbsent(name.entry(), e -> new ArrayList<>());
                if (mentions.size() < MAX_MENTIONS) {
                    int originalStart = toOriginal.applyAsInt(start);
                    int originalEnd = toOriginal.applyAsInt(end);
                    mentions.add(new Mention(field, originalStart, originalEnd,
                            original.substring(originalStart, originalEnd)));
                }
                break;
            }
        }
    }
}
