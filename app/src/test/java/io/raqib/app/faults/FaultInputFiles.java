package io.raqib.app.faults;

import io.raqib.core.model.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The files of a fault run: the sink's watches file, every watch (for {@code raqib match}), the fault articles in
 * chunks (one import each) and all together, and the good articles sent between the poison (every 25th with bidi
 * and control characters in its text).
 */
record FaultInputFiles(Path fileWatches, Path allWatches, List<Path> chunks, List<Set<String>> chunkIds,
                       Path allArticles, Set<String> faultIds, List<Article> good, Path goodFile,
                       Set<String> goodIds) {

    /** Writes the files into {@code dir}: {@code chunks} chunks of {@code chunkSize}, then {@code goodCount}. */
    static FaultInputFiles write(Path dir, int chunks, int chunkSize, int goodCount) throws IOException {
        Files.createDirectories(dir);
        int faultCount = chunks * chunkSize;
        List<Article> articles = FaultInput.distinct(faultCount + goodCount, "fault");
        List<Path> chunkFiles = new ArrayList<>();
        List<Set<String>> chunkIds = new ArrayList<>();
        Set<String> faultIds = new HashSet<>();
        for (int c = 0; c < chunks; c++) {
            List<Article> chunk = articles.subList(c * chunkSize, (c + 1) * chunkSize);
            Path file = dir.resolve("chunk-" + c + ".jsonl");
            FaultInput.writeLines(file, chunk);
            chunkFiles.add(file);
            chunkIds.add(ids(chunk));
            faultIds.addAll(ids(chunk));
        }
        Path all = dir.resolve("fault-articles.jsonl");
        FaultInput.writeLines(all, articles.subList(0, faultCount));
        List<Article> good = new ArrayList<>();
        List<Article> rest = articles.subList(faultCount, articles.size());
        for (int i = 0; i < rest.size(); i++) {
            good.add(i % 25 == 0 ? FaultInput.strange(rest.get(i)) : rest.get(i));
        }
        Path goodFile = dir.resolve("good-among-poison.jsonl");
        FaultInput.writeLines(goodFile, good);
        Path fileWatches = dir.resolve("watches.json");
        FaultInput.writeArray(fileWatches, FaultInput.FILE_WATCHES);
        List<Object> allWatches = new ArrayList<>(FaultInput.FILE_WATCHES);
        allWatches.add(FaultInput.TOPIC_WATCH);
        Path allWatchesFile = dir.resolve("all-watches.json");
        FaultInput.writeArray(allWatchesFile, allWatches);
        return new FaultInputFiles(fileWatches, allWatchesFile, chunkFiles, chunkIds, all, faultIds, good, goodFile,
                ids(good));
    }

    /** The article files {@code raqib match} reads for the expected alerts. */
    List<Path> referenceInputs() {
        return good.isEmpty() ? List.of(allArticles) : List.of(allArticles, goodFile);
    }

    private static Set<String> ids(List<Article> articles) {
        return articles.stream().map(Article::id).collect(Collectors.toSet());
    }
}
