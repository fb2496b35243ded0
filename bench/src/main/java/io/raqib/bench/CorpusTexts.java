package io.raqib.bench;

import io.raqib.core.corpus.ZippedArticleArrays;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Article texts (title + newline + content) from a SaudiNewsNet-style corpus folder, for the analyzer benchmark. */
final class CorpusTexts {

    private CorpusTexts() {
    }

    /** Texts in corpus order until about {@code maxBytes} UTF-8 bytes are read. */
    static List<String> read(Path dir, long maxBytes) throws IOException {
        List<String> texts = new ArrayList<>();
        long[] bytes = {0};
        ZippedArticleArrays.read(dir, article -> {
            String text = article.path("title").asText("") + "\n" + article.path("content").asText("");
            texts.add(text);
            bytes[0] += text.getBytes(StandardCharsets.UTF_8).length;
            return bytes[0] < maxBytes;
        });
        if (texts.isEmpty()) {
            throw new IllegalStateException("no articles in " + dir.toAbsolutePath());
        }
        return texts;
    }
}
