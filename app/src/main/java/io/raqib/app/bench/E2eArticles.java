package io.raqib.app.bench;

import io.raqib.core.model.Article;
import io.raqib.ingest.ArticleFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The articles {@code bench e2e} publishes, as a source hands them to ingest (no ingest time yet, so the intake
 * stamps each at the moment it is published): the first N of a SaudiNewsNet folder of zipped JSON arrays, or of
 * a folder of article files in any format the ingest's file reader knows.
 */
final class E2eArticles {

    private E2eArticles() {
    }

    /**
     * Up to {@code limit} articles from {@code dir}, skipping {@code excluded} files (the watches file may lie
     * there); an unreadable article stops the bench naming file and line.
     */
    static List<Article> read(Path dir, int limit, Set<Path> excluded) throws IOException {
        if (isCorpus(dir)) {
            return CorpusArticles.read(dir, limit).stream().map(CorpusArticles.Item::toRawArticle).toList();
        }
        List<Article> out = new ArrayList<>();
        ArticleFileReader reader = new ArticleFileReader();
        for (Path file : ArticleFileReader.list(List.of(dir), excluded)) {
            reader.readEach(file, (f, line, article) -> {
                if (out.size() < limit) {
                    out.add(article.withIngestedAt(null));
                }
            }, e -> {
                throw new IllegalArgumentException(e.getMessage(), e);
            });
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    /** A SaudiNewsNet-style folder holds the zipped JSON arrays {@link CorpusArticles} reads up to a limit. */
    private static boolean isCorpus(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".zip"));
        }
    }
}
