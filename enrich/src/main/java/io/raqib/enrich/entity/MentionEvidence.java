package io.raqib.enrich.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Weighs one article's evidence for weak names. A full name tags on its own. A surname, nickname or word-like
 * acronym tags only when the article also names the entity, or one of its context entities, by a full name. A
 * role tags only when the article names its holder by another of his names (full, or a supported weak one) or
 * names a context person or organization in full (the Kremlin, a crown prince): those belong to the holder's own
 * time. A context place does not count for a role, which already implies its country (Ukraine says nothing about
 * which Ukrainian president is meant).
 */
final class MentionEvidence {

    /**
     * A span the article's evidence settles.
     *
     * @param candidate the span
     * @param entry     the entity it stands for
     */
    record Choice(Candidate candidate, GazetteerEntry entry) {
    }

    private MentionEvidence() {
    }

    /** The spans that tag an entity, in text order, each read as its first reading that has enough evidence. */
    static List<Choice> choose(List<Candidate> candidates) {
        Set<String> fullyNamed = new HashSet<>();
        Set<String> fullyNamedActors = new HashSet<>();
        candidates.forEach(c -> c.names().stream().filter(n -> !n.kind().weak()).forEach(n -> {
            fullyNamed.add(n.entry().qid());
            if (!n.entry().type().equals("location")) {
                fullyNamedActors.add(n.entry().qid());
            }
        }));
        Set<String> named = new HashSet<>(fullyNamed);
        candidates.forEach(c -> c.names().stream()
                .filter(n -> n.kind() != Variant.Kind.ROLE && supported(n.entry(), fullyNamed))
                .forEach(n -> named.add(n.entry().qid())));
        List<Choice> choices = new ArrayList<>();
        for (Candidate candidate : candidates) {
            candidate.names().stream().filter(n -> counts(n, fullyNamed, fullyNamedActors, named)).findFirst()
                    .ifPresent(n -> choices.add(new Choice(candidate, n.entry())));
        }
        return choices;
    }

    private static boolean counts(Gazetteer.Name name, Set<String> fullyNamed, Set<String> fullyNamedActors,
                                  Set<String> named) {
        return switch (name.kind()) {
            case NAME -> true;
            case ROLE -> named.contains(name.entry().qid()) || supported(name.entry(), fullyNamedActors);
            case SURNAME, NICKNAME, ACRONYM -> supported(name.entry(), fullyNamed);
        };
    }

    /** Whether {@code entry} or one of its context entities is among {@code present}. */
    private static boolean supported(GazetteerEntry entry, Set<String> present) {
        return present.contains(entry.qid()) || entry.context().stream().anyMatch(present::contains);
    }
}
