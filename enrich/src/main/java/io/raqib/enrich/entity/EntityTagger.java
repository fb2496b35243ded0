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
import java.util.regex.Pattern;

/**
 * Tags gazetteer entities in an article's title and clean body (never in boilerplate such as read-also lines),
 * on analyzed words, longest name first. Full names tag on their own; weak names (surnames, nicknames, roles,
 * word-like acronyms) only with support in the same article ({@link MentionEvidence}), and a role not when a
 * modifier or another name shows it means someone else ({@link RoleQualifiers}). Mentions carry offsets into the
 * original title or body; an entity keeps its first {@link #MAX_MENTIONS}, so a text repeating a name cannot
 * inflate the enriched record and every alert.
 */
public final class EntityTagger {

    /** Mentions kept per entity. */
    public static final int MAX_MENTIONS = 100;

    private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s$");

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
     * @param cleanBody the body without boilerplate, whose lines are lines or pieces of lines of {@code body}
     * @param analyzedTitle  {@code title}, analyzed
     * @param analyzedClean  {@code cleanBody}, analyzed
     * @param toBodyOffset   maps a clean-body offset to a body offset
     * @param language  the article's language, which picks the canonical name
     */
    public List<Entity> tag(String title, String body, AnalyzedText analyzedTitle, AnalyzedText analyzedClean,
                            String cleanBody, IntUnaryOperator toBodyOffset, String language) {
        List<Candidate> candidates = new ArrayList<>(find(analyzedTitle, title, "title"));
        candidates.addAll(find(analyzedClean, cleanBody, "body"));
        Map<GazetteerEntry, List<Mention>> found = new LinkedHashMap<>();
        for (MentionEvidence.Choice choice : MentionEvidence.choose(candidates)) {
            Candidate span = choice.candidate();
            boolean inTitle = span.field().equals("title");
            IntUnaryOperator toOriginal = inTitle ? IntUnaryOperator.identity() : toBodyOffset;
            String original = inTitle ? title : body;
            List<Mention> mentions = found.computeIfAbsent(choice.entry(), e -> new ArrayList<>());
            if (mentions.size() < MAX_MENTIONS) {
                int originalStart = toOriginal.applyAsInt(span.start());
                int originalEnd = toOriginal.applyAsInt(span.end());
                mentions.add(new Mention(span.field(), originalStart, originalEnd,
                        original.substring(originalStart, originalEnd)));
            }
        }
        List<Entity> entities = new ArrayList<>(found.size());
        found.forEach((entry, mentions) ->
                entities.add(new Entity(entry.qid(), entry.name(language), entry.type(), mentions)));
        return entities;
    }

    /** The name spans of one text, acronyms only in upper case, roles only where they may mean the holder. */
    private List<Candidate> find(AnalyzedText analyzed, String source, String field) {
        List<Candidate> spans = new ArrayList<>();
        for (PhraseMatcher.Match<Gazetteer.Name> match : names.longestMatches(analyzed)) {
            int start = analyzed.word(match.from()).start();
            int end = analyzed.word(match.to() - 1).end();
            // A possessive does not make an acronym lower-case text: BBC's, UN's.
            String surface = POSSESSIVE.matcher(source.substring(start, end)).replaceFirst("");
            List<Gazetteer.Name> readings = match.values().stream()
                    .filter(n -> !n.acronym() || surface.equals(surface.toUpperCase(Locale.ROOT))).toList();
            if (!readings.isEmpty()) {
                spans.add(new Candidate(field, start, end, readings));
            }
        }
        List<Candidate> kept = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Candidate span = spans.get(i);
            Candidate next = i + 1 < spans.size() ? spans.get(i + 1) : null;
            List<Gazetteer.Name> readings = span.names().stream().filter(n -> n.kind() != Variant.Kind.ROLE
                    || RoleQualifiers.mayMeanHolder(source, span, n.entry(), next)).toList();
            if (!readings.isEmpty()) {
                kept.add(new Candidate(field, span.start(), span.end(), readings));
            }
        }
        return kept;
    }
}
