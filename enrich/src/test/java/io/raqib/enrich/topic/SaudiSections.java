package io.raqib.enrich.topic;

import io.raqib.core.corpus.ZippedArticleArrays;
import io.raqib.enrich.text.AnalyzedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SaudiNewsNet articles whose URL names a newspaper section, labelled with the section's IPTC top-level topic
 * and split in two halves by URL hash: the even half tunes (rules read from its errors, weights learned from it),
 * the odd half is held out.
 */
final class SaudiSections {

    static final Path DIR = Path.of("../../shared/corpus/saudinewsnet");

    private static final Pattern SECTION = Pattern.compile("https?://(?:www\\.)?([^/]+)/([^/]+)/");
    private static final Map<String, String> SECTION_TO_TOPIC = Map.ofEntries(
            Map.entry("alwatan.com.sa/Politics", "medtop:11000000"),
            Map.entry("alwatan.com.sa/Economy", "medtop:04000000"),
            Map.entry("alwatan.com.sa/Sports", "medtop:15000000"),
            Map.entry("alwatan.com.sa/Culture", "medtop:01000000"),
            Map.entry("3alyoum.com/finance", "medtop:04000000"),
            Map.entry("3alyoum.com/sports", "medtop:15000000"),
            Map.entry("3alyoum.com/culture", "medtop:01000000"),
            Map.entry("3alyoum.com/technology", "medtop:13000000"),
            Map.entry("arriyadiyah.com/node", "medtop:15000000"),
            Map.entry("arreyadi.com.sa/Home", "medtop:15000000"));

    /**
     * One labelled article, analyzed.
     *
     * @param section host and section, {@code alwatan.com.sa/Politics}
     * @param topic   the section's IPTC top-level topic
     * @param tuning  whether it is in the tuning (even URL hash) half
     */
    record Article(String section, String topic, boolean tuning, AnalyzedText title, AnalyzedText body) {
    }

    private SaudiSections() {
    }

    static boolean present() {
        return Files.isDirectory(DIR);
    }

    /** Every section-labelled article in corpus order. */
    static List<Article> read() throws IOException {
        List<Article> articles = new ArrayList<>();
        ZippedArticleArrays.read(DIR, article -> {
            String url = article.path("url").asText();
            Matcher m = SECTION.matcher(url);
            String section = m.lookingAt() ? m.group(1) + "/" + m.group(2) : "";
            String topic = SECTION_TO_TOPIC.get(section);
            if (topic != null) {
                articles.add(new Article(section, topic, (url.hashCode() & 1) == 0,
                        AnalyzedText.of(article.path("title").asText()),
                        AnalyzedText.of(article.path("content").asText())));
            }
            return true;
        });
        return articles;
    }
}
