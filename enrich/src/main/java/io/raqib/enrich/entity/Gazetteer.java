package io.raqib.enrich.entity;

import io.raqib.enrich.text.AnalyzedText;
import io.raqib.enrich.text.DataFiles;
import io.raqib.enrich.text.PhraseMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The entity gazetteer: the bundled {@code gazetteer/*.tsv} files plus an operator's own {@code *.tsv} files
 * (same columns), loaded at start. A row is {@code qid, type, name_en, name_ar, variants[, source[, context]]}:
 * variants separated by {@code |}, each optionally prefixed with its kind ({@code surname:}, {@code nickname:},
 * {@code role:}, {@code acronym:}; see {@link Variant}); {@code source} says where the QID was checked; {@code
 * context} lists {@code |}-separated QIDs of related entities that support the weak variants. A row whose QID is
 * already known adds its names and context to that entity, so an operator file can add variants to a bundled
 * entity (its name cells may then be empty); a later row's names, kinds, type and source win.
 */
public final class Gazetteer {

    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}.]{1,5}");

    private final Map<String, GazetteerEntry> entries;

    private Gazetteer(Map<String, GazetteerEntry> entries) {
        this.entries = entries;
    }

    /**
     * A surface name of an entity as matched.
     *
     * @param entry   the entity
     * @param acronym whether the name is an upper-case acronym ({@code UN}, {@code U.S.}) that only matches
     *                upper-case text, so {@code un}/{@code us} in running text are not tagged
     * @param kind    the kind of name, which decides the evidence a mention needs
     */
    public record Name(GazetteerEntry entry, boolean acronym, Variant.Kind kind) {
    }

    /** The bundled gazetteer plus the {@code *.tsv} files of {@code extraDir} (may be null). */
    public static Gazetteer load(Path extraDir) {
        List<DataFiles.Row> rows = new ArrayList<>(DataFiles.bundled("gazetteer"));
        rows.addAll(DataFiles.fromDirectory(extraDir));
        Map<String, GazetteerEntry> entries = new LinkedHashMap<>();
        for (DataFiles.Row row : rows) {
            GazetteerEntry entry = parse(row);
            if (entry.nameEn().isEmpty() && entry.nameAr().isEmpty() && !entries.containsKey(entry.qid())) {
                throw row.error("a new entity needs an English or an Arabic name");
            }
            entries.merge(entry.qid(), entry, Gazetteer::merge);
        }
        return new Gazetteer(entries);
    }

    /** The entities by QID, in load order. */
    public Map<String, GazetteerEntry> entries() {
        return entries;
    }

    /** A phrase matcher over every analyzed name of every entity. */
    public PhraseMatcher<Name> matcher() {
        PhraseMatcher<Name> matcher = new PhraseMatcher<>();
        for (GazetteerEntry entry : entries.values()) {
            for (Variant name : entry.typedNames()) {
                List<String> terms = AnalyzedText.forNames(name.text()).words().stream()
                        .map(AnalyzedText.Word::term).toList();
                matcher.add(terms, new Name(entry, ACRONYM.matcher(name.text()).matches(), name.kind()));
            }
        }
        return matcher;
    }

    private static GazetteerEntry parse(DataFiles.Row row) {
        String qid = row.cell(0);
        if (!QID.matcher(qid).matches()) {
            throw row.error("not a Wikidata QID: '" + qid + "'");
        }
        String type = row.cell(1);
        if (!GazetteerEntry.TYPES.contains(type)) {
            throw row.error("type must be one of " + GazetteerEntry.TYPES + ", got '" + type + "'");
        }
        List<Variant> variants = new ArrayList<>();
        for (String written : split(row.cell(4))) {
            try {
                variants.add(Variant.parse(written));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }
        List<String> context = split(row.cell(6));
        for (String related : context) {
            if (!QID.matcher(related).matches()) {
                throw row.error("context: not a Wikidata QID: '" + related + "'");
            }
        }
        return new GazetteerEntry(qid, type, row.cell(2), row.cell(3), variants, row.cell(5), context);
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static GazetteerEntry merge(GazetteerEntry earlier, GazetteerEntry later) {
        Map<String, Variant> variants = new LinkedHashMap<>();
        earlier.typedNames().forEach(v -> variants.put(v.text(), v));
        later.variants().forEach(v -> variants.put(v.text(), v));
        String nameEn = later.nameEn().isEmpty() ? earlier.nameEn() : later.nameEn();
        String nameAr = later.nameAr().isEmpty() ? earlier.nameAr() : later.nameAr();
        variants.remove(nameEn);
        variants.remove(nameAr);
        List<String> context = new ArrayList<>(earlier.context());
        later.context().stream().filter(q -> !context.contains(q)).forEach(context::add);
        return new GazetteerEntry(later.qid(), later.type(), nameEn, nameAr, List.copyOf(variants.values()),
                later.source().isEmpty() ? earlier.source() : later.source(), context);
    }
}
