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
 * @param variants other names: transliterations, short forms, unambiguous role mentions
 */
public record GazetteerEntry(String qid, String type, String nameEn, String nameAr, List<String> variants) {

    /** The entity types a gazetteer may use. */
    public static final List<String> TYPES = List.of("person", "organization", "location");

    public GazetteerEntry {
        variants = List.copyOf(variants);
    }

    /** The canonical name for an article in {@code language}: Arabic for Arabic articles, else English. */
    public String name(String language) {
        return "ar".equals(language) && !nameAr.isEmpty() ? nameAr : nameEn;
    }

    /** Every surface name of the entity: canonical names first, then variants. */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        if (!nameEn.isEmpty()) {
            all.add(nameEn);
        }
        if (!nameAr.isEmpty()) {
            all.add(nameAr);
        }
        all.addAll(variants);
        return all;
    }
}
