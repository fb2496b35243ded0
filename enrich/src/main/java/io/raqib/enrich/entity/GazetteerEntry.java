package io.raqib.enrich.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * One gazetteer entity.
 *
 * @param qid      Wikidata id ({@code Q7747})
 * @param type     {@code person}, {@code organization} or {@code location}
 * @param nameEn   canonical English name
 * @param nameAr   canonical Arabic name
 * @param variants other names, each of a {@link Variant.Kind}: transliterations and short forms, surnames,
 *                 nicknames, roles, acronyms
 * @param source   where the QID was checked (free text, may be empty)
 * @param context  QIDs of related entities whose full-name mention in the same article supports this entity's
 *                 weak names (a surname, nickname or word-like acronym)
 */
public record GazetteerEntry(String qid, String type, String nameEn, String nameAr, List<Variant> variants,
                             String source, List<String> context) {

    /** The entity types a gazetteer may use. */
    public static final List<String> TYPES = List.of("person", "organization", "location");

    public GazetteerEntry {
        variants = List.copyOf(variants);
        context = List.copyOf(context);
    }

    /** The canonical name for an article in {@code language}: Arabic for Arabic articles, else English. */
    public String name(String language) {
        return "ar".equals(language) && !nameAr.isEmpty() ? nameAr : nameEn;
    }

    /** Every name of the entity with its kind: canonical names first (full names), then variants. */
    public List<Variant> typedNames() {
        List<Variant> all = new ArrayList<>();
        if (!nameEn.isEmpty()) {
            all.add(Variant.name(nameEn));
        }
        if (!nameAr.isEmpty()) {
            all.add(Variant.name(nameAr));
        }
        all.addAll(variants);
        return all;
    }

    /** Every surface name of the entity: canonical names first, then variants. */
    public List<String> names() {
        return typedNames().stream().map(Variant::text).toList();
    }
}
