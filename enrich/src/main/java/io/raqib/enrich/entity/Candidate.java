package io.raqib.enrich.entity;

import java.util.List;

/**
 * A span of the title or clean body that gazetteer names match, before the article's evidence is weighed.
 *
 * @param field "title" or "body"
 * @param start offset of the span in the analyzed title or clean body
 * @param end   offset after the span
 * @param names the readings of the span, in gazetteer order (several entities may share a name)
 */
record Candidate(String field, int start, int end, List<Gazetteer.Name> names) {

    Candidate {
        names = List.copyOf(names);
    }

    /** Whether one of the readings is {@code entry}. */
    boolean reads(GazetteerEntry entry) {
        return names.stream().anyMatch(n -> n.entry().equals(entry));
    }

    /** Whether one of the readings is a person. */
    boolean readsAPerson() {
        return names.stream().anyMatch(n -> n.entry().type().equals("person"));
    }
}
