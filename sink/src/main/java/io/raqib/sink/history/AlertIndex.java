package io.raqib.sink.history;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.text.RaqibAnalyzer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The alert history on disk: a Lucene index of {@link AlertDocument}s plus, in each commit, the topic positions it
 * holds everything before, so that after a restart (or a crash: what was not committed is not in the index
 * either) reading goes on from exactly there. Searches see what was added up to the last {@link #refresh()}.
 * Safe for one writing thread and any number of searching ones.
 */
public final class AlertIndex implements Closeable {

    /** Hits read per round while exporting. */
    static final int EXPORT_BATCH = 1_000;
    private static final String POSITION_PREFIX = "raqib.alerts/";
    private static final Sort NEWEST_FIRST = new Sort(new SortField(AlertDocument.TIME, SortField.Type.LONG, true),
            new SortField(AlertDocument.ID, SortField.Type.STRING, true));
    private final Analyzer analyzer = new RaqibAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Integer, Long> committed;

    /** Receives alerts one by one; may fail writing them out. */
    @FunctionalInterface
    public interface Receiver {
        /** Takes one alert. */
        void accept(StoredAlert alert) throws IOException;
    }

    /** Opens the index in {@code dir}, creating it (and the folder) when missing. */
    public AlertIndex(Path dir) throws IOException {
        directory = FSDirectory.open(Files.createDirectories(dir));
        committed = DirectoryReader.indexExists(directory) ? positionsOf(SegmentInfos.readLatestCommit(directory)
                .getUserData()) : Map.of();
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        searchers = new SearcherManager(writer, null);
    }

    /** The positions of {@code raqib.alerts} (by partition) the last commit holds everything before. */
    public Map<Integer, Long> committedPositions() {
        return committed;
    }

    /**
     * Indexes the event {@code json} (any type; one with an id already indexed replaces it), with the desk
     * {@code desks} gives its subject. Returns false, indexing nothing, when the JSON is no indexable CloudEvent or
     * its time is before {@code oldest} (past the retention).
     */
    public boolean add(String json, Function<String, String> desks, Instant oldest) throws IOException {
        var parsed = AlertDocument.parse(json, desks);
        if (parsed.isEmpty() || parsed.get().time().isBefore(oldest)) {
            return false;
        }
        writer.updateDocument(new Term(AlertDocument.ID, parsed.get().id()), parsed.get().document());
        return true;
    }

    /** Drops every alert older than {@code cutoff}. */
    public void removeBefore(Instant cutoff) throws IOException {
        writer.deleteDocuments(LongPoint.newRangeQuery(AlertDocument.TIME, Long.MIN_VALUE, cutoff.toEpochMilli() - 1));
    }

    /** Makes what was added so far durable, together with the topic {@code positions} it was read up to. */
    public void commit(Map<Integer, Long> positions) throws IOException {
        Map<String, String> data = new HashMap<>();
        positions.forEach((partition, offset) -> data.put(POSITION_PREFIX + partition, Long.toString(offset)));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** Makes what was added so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Page {@code page} (of {@code size} alerts) of the alerts {@code filter} keeps, newest first. */
    public HistoryPage search(HistoryFilter filter, int page, int size) throws IOException {
        Query query = filter.toQuery(analyzer);
        IndexSearcher searcher = searchers.acquire();
        try {
            int total = searcher.count(query);
            int skip = page * size;
            List<StoredAlert> alerts = new ArrayList<>();
            if (skip < total) {
                ScoreDoc[] hits = searcher.search(query, Math.min(total, skip + size), NEWEST_FIRST).scoreDocs;
                StoredFields stored = searcher.storedFields();
                for (int i = skip; i < hits.length; i++) {
                    alerts.add(storedAlert(stored, hits[i].doc));
                }
            }
            return new HistoryPage(total, page, size, alerts);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Hands every alert {@code filter} keeps to {@code receiver}, newest first, from one view of the index. */
    public void export(HistoryFilter filter, Receiver receiver) throws IOException {
        Query query = filter.toQuery(analyzer);
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredFields stored = searcher.storedFields();
            FieldDoc after = null;
            while (true) {
                TopDocs batch = searcher.searchAfter(after, query, EXPORT_BATCH, NEWEST_FIRST);
                for (ScoreDoc hit : batch.scoreDocs) {
                    receiver.accept(storedAlert(stored, hit.doc));
                }
                if (batch.scoreDocs.length < EXPORT_BATCH) {
                    return;
                }
                after = (FieldDoc) batch.scoreDocs[batch.scoreDocs.length - 1];
            }
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * The subject of the alert {@code alertId} (its watch id, or {@code source:<name>}) as of the last refresh;
     * empty when the index does not hold it.
     */
    public Optional<String> subjectOf(String alertId) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            ScoreDoc[] hits = searcher.search(new TermQuery(new Term(AlertDocument.ID, alertId)), 1).scoreDocs;
            if (hits.length == 0) {
                return Optional.empty();
            }
            String json = searcher.storedFields().document(hits[0].doc).get(AlertDocument.JSON);
            return Optional.of(RaqibJson.mapper().readTree(json).path("subject").asText(""));
        } finally {
            searchers.release(searcher);
        }
    }

    /** The analyzer the text of alerts and of searches goes through. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** The index's size on disk in bytes (its files now; an estimate while segments merge). */
    public long sizeOnDisk() throws IOException {
        long bytes = 0;
        for (String file : directory.listAll()) {
            try {
                bytes += directory.fileLength(file);
            } catch (IOException e) {
                // merged away between the listing and the look: no longer part of the index
            }
        }
        return bytes;
    }

    private static StoredAlert storedAlert(StoredFields stored, int doc) throws IOException {
        var fields = stored.document(doc);
        return new StoredAlert(fields.get(AlertDocument.JSON), fields.get(AlertDocument.DESK));
    }

    private static Map<Integer, Long> positionsOf(Map<String, String> data) {
        Map<Integer, Long> positions = new HashMap<>();
        data.forEach((key, value) -> {
            if (key.startsWith(POSITION_PREFIX)) {
                positions.put(Integer.parseInt(key.substring(POSITION_PREFIX.length())), Long.parseLong(value));
            }
        });
        return Map.copyOf(positions);
    }

    /** Closes the index without committing: what the last {@link #commit} did not cover is read again next time. */
    @Override
    public void close() throws IOException {
        searchers.close();
        writer.rollback();
        analyzer.close();
        directory.close();
    }
}
