package io.raqib.app.bench;

import io.raqib.core.corpus.ZippedArticleArrays;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Corpus articles for benchmarks: the first articles of a SaudiNewsNet-style folder of zipped JSON arrays. */
public final class CorpusArticles {

    private CorpusArticles() {
    }

    /** One corpus article. */
    public record Item(String source, String url, String title, String content) {

        /** As a source hands it to ingest: no id (derived from the URL), no language, no ingest time yet. */
        public Article toRawArticle() {
            return new Article(null, url, source, title, content, null, null, null, null);
        }

        /** As the enriched Arabic article the sink sees (the corpus has no boilerplate: clean body = content). */
        public EnrichedArticle toArticle(int index) {
            String id = "snn-" + index;
            return new EnrichedArticle(id, url, source, title, content, null, "ar", null, null, content, List.of(),
                    List.of(), null, id);
        }
    }

    /** The items as enriched articles with ids {@code snn-<firstIndex>}, {@code snn-<firstIndex + 1>}, …. */
    public static List<EnrichedArticle> articles(List<Item> items, int firstIndex) {
        List<EnrichedArticle> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get(i).toArticle(firstIndex + i));
        }
        return out;
    }

    /** The first {@code limit} articles with a non-empty title or content. */
    public static List<Item> read(Path dir, int limit) throws IOException {
        List<Item> out = new ArrayList<>();
        ZippedArticleArrays.read(dir, node -> {
            String title = node.path("title").asText("");
            String content = node.path("content").asText("");
            if (!title.isBlank() || !content.isBlank()) {
                out.add(new Item(node.path("source").asText(""), node.path("url").asText(""), title, content));
            }
            return out.size() < limit;
        });
        return out;
    }
}
