package io.raqib.sink.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Entity;
import io.raqib.core.model.Topic;
import io.raqib.core.model.Watch;
import io.raqib.sink.watches.InvalidWatchException;
import io.raqib.sink.watches.WatchRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever the watches and articles, {@link MatchingMode#COMPILED} matches exactly the (watch, article) pairs
 * that {@link MatchingMode#MONITOR} (Lucene Monitor, the reference) matches. Queries and texts come from one small
 * vocabulary, so most watches match some articles and the two modes are compared on hits as well as misses.
 */
class CompiledMatcherPropertyTest {

    /** Words of both scripts; the texts also hold them disguised (clitics, tatweel) and with stop words. */
    private static final List<String> WORDS = List.of("wheat", "flour", "bread", "price", "prices", "drought",
            "council", "القمح", "الخبز", "أسعار", "النفط", "مجلس", "الأمن", "سوريا");
    private static final List<String> TEXT_ONLY = List.of("the", "of", "and", "في", "من", "والخبز", "لسوريا",
            "الخـ.ـبز", "وأسعار", "Prices", "WHEAT");
    private static final List<String> ENTITIES = List.of("Q1", "Q2", "Q3");
    private static final List<String> TOPICS = List.of("04000000", "11000000");
    private static final List<String> LANGUAGES = List.of("ar", "en", "fr");
    private static final List<String> SOURCES = List.of("s1", "s2");

    @Property(tries = 300)
    void compiledMatchesWhatMonitorMatches(@ForAll("watches") List<Watch> drawn,
                                           @ForAll("articles") List<EnrichedArticle> articles) throws Exception {
        try (WatchRegistry monitor = new WatchRegistry(WatchLimits.defaults(), MatchingMode.MONITOR);
             WatchRegistry compiled = new WatchRegistry(WatchLimits.defaults(), MatchingMode.COMPILED)) {
            List<Watch> watches = drawn.stream().filter(w -> valid(monitor, w)).toList();
            Assume.that(!watches.isEmpty());
            monitor.putAll(watches);
            compiled.putAll(watches);

            Set<String> reference = pairs(monitor, articles);
            assertThat(pairs(compiled, articles)).isEqualTo(reference);
            Statistics.collect(reference.isEmpty() ? "no match" : "some match");
            // Mostly hits: a comparison of misses only would prove little.
            Statistics.coverage(c -> c.check("some match").percentage(p -> p > 50));
        }
    }

    /** Whether the registry accepts the watch; a random query may be refused (a prefix too short, …). */
    private static boolean valid(WatchRegistry registry, Watch watch) {
        try {
            registry.validate(watch);
            return true;
        } catch (InvalidWatchException e) {
            return false;
        }
    }

    /** Every (watch id, article index) pair the registry matches, as "watch@article". */
    private static Set<String> pairs(WatchRegistry registry, List<EnrichedArticle> articles) {
        Set<String> out = new TreeSet<>();
        for (EnrichedArticle a : articles) {
            registry.match(a).forEach(m -> out.add(m.watch().id() + "@" + a.id()));
        }
        return out;
    }

    @Provide
    Arbitrary<List<Watch>> watches() {
        Arbitrary<Watch> watch = Combinators.combine(Arbitraries.integers().between(0, 3).flatMap(this::weights),
                Arbitraries.frequencyOf(Tuple.of(3, query()), Tuple.of(1,
                        Arbitraries.just(""))), languagesOfWatch(), threshold(), optionalWord(), optionalWord())
                .as((terms, query, languages, threshold, required, excluded) -> new Watch("w", "w",
                        query.isEmpty() ? null : query, null, null, languages, null, null, terms,
                        terms.isEmpty() ? null : threshold, terms.isEmpty() ? List.of() : required,
                        terms.isEmpty() ? List.of() : excluded));
        return watch.list().ofMinSize(1).ofMaxSize(8).map(CompiledMatcherPropertyTest::numbered);
    }

    /** The watches with ids w0, w1, … so that each pair names its watch. */
    private static List<Watch> numbered(List<Watch> watches) {
        List<Watch> out = new ArrayList<>();
        for (int i = 0; i < watches.size(); i++) {
            out.add(watches.get(i).withId("w" + i));
        }
        return out;
    }

    /** A classic query: leaves of every documented kind in nested booleans up to three levels deep. */
    private Arbitrary<String> query() {
        return Arbitraries.recursive(this::leaf, this::bool, 0, 3);
    }

    private Arbitrary<String> bool(Arbitrary<String> inner) {
        Arbitrary<String> clause = Combinators.combine(Arbitraries.of("", "", "+", "-"), inner).as(String::concat);
        return Arbitraries.oneOf(
                Combinators.combine(inner, Arbitraries.of(" AND ", " OR ", " ", " NOT ", " AND NOT "), inner)
                        .as((a, op, b) -> "(" + a + op + b + ")"),
                clause.list().ofMinSize(1).ofMaxSize(4).map(c -> "(" + String.join(" ", c) + ")"),
                inner.list().ofMinSize(1).ofMaxSize(3).map(c -> "(-" + String.join(" -", c) + ")"));
    }

    private Arbitrary<String> leaf() {
        Arbitrary<String> word = Arbitraries.of(WORDS);
        Arbitrary<String> phrase = Combinators.combine(phrase(), Arbitraries.of("", "", "~1", "~2", "~3", "~5"))
                .as(String::concat);
        Arbitrary<String> prefix = word.filter(w -> w.length() > 3)
                .flatMap(w -> Arbitraries.integers().between(3, w.length()).map(n -> w.substring(0, n) + "*"));
        Arbitrary<String> keyword = Arbitraries.oneOf(Arbitraries.of(ENTITIES).map(e -> "entity:" + e),
                Arbitraries.of(TOPICS).map(t -> "topic:" + t), Arbitraries.of(TOPICS).map(t -> "topic:\"medtop:" + t
                        + "\""), Arbitraries.of(LANGUAGES).map(l -> "lang:" + l),
                Arbitraries.of(SOURCES).map(s -> "source:" + s));
        Arbitrary<String> fielded = Combinators.combine(Arbitraries.of("title:", "text:"),
                Arbitraries.oneOf(word, phrase)).as(String::concat);
        return Arbitraries.frequencyOf(Tuple.of(4, word), Tuple.of(3, phrase),
                Tuple.of(1, prefix), Tuple.of(2, keyword),
                Tuple.of(2, fielded));
    }

    /** Two to four words, a word may repeat ({@code "wheat flour wheat"}), quoted. */
    private static Arbitrary<String> phrase() {
        return Arbitraries.of(WORDS).list().ofMinSize(2).ofMaxSize(4).map(w -> "\"" + String.join(" ", w) + "\"");
    }

    private Arbitrary<List<Watch.Term>> weights(int count) {
        Arbitrary<Watch.Term> term = Combinators.combine(Arbitraries.oneOf(Arbitraries.of(WORDS), phrase()
                .map(p -> p.replace("\"", ""))), Arbitraries.of(1.0, 1.5, 2.0, 3.0)).as(Watch.Term::new);
        return term.list().ofSize(count);
    }

    private static Arbitrary<Double> threshold() {
        return Arbitraries.of(1.0, 2.0, 3.0, 4.5, 6.0);
    }

    private static Arbitrary<List<String>> optionalWord() {
        return Arbitraries.of(WORDS).list().ofMaxSize(1);
    }

    private static Arbitrary<List<String>> languagesOfWatch() {
        return Arbitraries.of(List.of(), List.of(), List.of("ar"), List.of("en"), List.of("ar", "en"));
    }

    @Provide
    Arbitrary<List<EnrichedArticle>> articles() {
        Arbitrary<EnrichedArticle> article = Combinators.combine(text(0, 6), text(5, 40),
                        Arbitraries.of(LANGUAGES).injectNull(0.1), Arbitraries.of(SOURCES).injectNull(0.1),
                        Arbitraries.subsetOf(ENTITIES), Arbitraries.subsetOf(TOPICS))
                .as((title, body, language, source, entities, topics) -> new EnrichedArticle("a", null, source,
                        title, body, null, language, null, null, body,
                        entities.stream().map(e -> new Entity(e, e, "location", List.of())).toList(),
                        topics.stream().map(t -> new Topic("medtop:" + t, t)).toList(), null, null));
        return article.list().ofMinSize(1).ofMaxSize(5).map(CompiledMatcherPropertyTest::withIds);
    }

    /** {@code min} to {@code max} words, mostly of the query vocabulary, some only texts hold. */
    private static Arbitrary<String> text(int min, int max) {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(WORDS)), Tuple.of(1, Arbitraries.of(TEXT_ONLY)))
                .list().ofMinSize(min).ofMaxSize(max).map(w -> String.join(" ", w));
    }

    private static List<EnrichedArticle> withIds(List<EnrichedArticle> articles) {
        List<EnrichedArticle> out = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            EnrichedArticle a = articles.get(i);
            out.add(new EnrichedArticle("a" + i, a.url(), a.source(), a.title(), a.body(), a.html(), a.language(),
                    a.published(), a.ingestedAt(), a.cleanBody(), a.entities(), a.topics(), null, "a" + i));
        }
        return out;
    }
}
