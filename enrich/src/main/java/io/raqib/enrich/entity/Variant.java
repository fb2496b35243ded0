package io.raqib.enrich.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One name of a gazetteer entity and its kind. In a gazetteer cell the kind is a prefix ({@code surname:بيسكوف},
 * {@code role:الرئيس الروسي}); no prefix is a full or official name.
 *
 * @param text the name as written
 * @param kind what kind of name it is, which decides how much evidence a mention needs
 */
public record Variant(String text, Kind kind) {

    private static final Pattern PREFIXED = Pattern.compile("([A-Za-z]+):(.*)");

    /** The kinds of names. Every kind but {@link #NAME} is weak: it tags only with support in the same article. */
    public enum Kind {
        /** A full or official name ({@code Vladimir Putin}, {@code UNESCO}): tags on its own. */
        NAME,
        /** A bare surname ({@code Peskov}, {@code الأسد}). */
        SURNAME,
        /** A nickname, given name used alone or short name that is also a word ({@code أبو مازن}, {@code القاعدة}). */
        NICKNAME,
        /** An office ({@code Russian President}): its holder changes, and "former" or another name rules it out. */
        ROLE,
        /** An acronym that is also a word or another body's acronym ({@code WHO}, {@code ICC}). */
        ACRONYM;

        /** Whether a mention of this kind needs support in the same article. */
        public boolean weak() {
            return this != NAME;
        }

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A full or official name. */
    public static Variant name(String text) {
        return new Variant(text, Kind.NAME);
    }

    /**
     * Reads a variant cell part such as {@code role:Russian President} or {@code Putin}.
     *
     * @throws IllegalArgumentException naming the prefix when it is not one of the kinds, or when nothing follows it
     */
    public static Variant parse(String written) {
        Matcher prefixed = PREFIXED.matcher(written);
        if (!prefixed.matches()) {
            return name(written);
        }
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.weak() && k.prefix().equals(prefixed.group(1)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown variant kind '"
                        + prefixed.group(1) + "' in '" + written + "' (known: surname, nickname, role, acronym)"));
        String text = prefixed.group(2).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("variant '" + written + "' has a kind but no name");
        }
        return new Variant(text, kind);
    }
}
