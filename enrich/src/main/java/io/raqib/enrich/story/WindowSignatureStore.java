package io.raqib.enrich.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The {@link SignatureStore} of the enrich topology: two persistent, changelogged Kafka Streams window stores
 * whose retention is the detection window, so old entries fall off with their segments and the state stays
 * bounded. Band entries keep duplicates (many articles per band key).
 */
public final class WindowSignatureStore implements SignatureStore {

    /** Store of LSH band key → article id. */
    public static final String BANDS = "story-bands";
    /** Store of article id → signatures. */
    public static final String ARTICLES = "story-articles";

    private final WindowStore<String, String> bands;
    private final WindowStore<String, SeenArticle> articles;

    /** Wraps the two stores of a processor's context. */
    public WindowSignatureStore(WindowStore<String, String> bands, WindowStore<String, SeenArticle> articles) {
        this.bands = bands;
        this.articles = articles;
    }

    /** The builder of the band store. */
    public static StoreBuilder<WindowStore<String, String>> bandStore(Duration window) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(BANDS, window, Duration.ofMillis(1), true),
                Serdes.String(), Serdes.String()).withCachingDisabled();
    }

    /** The builder of the article store. */
    public static StoreBuilder<WindowStore<String, SeenArticle>> articleStore(Duration window) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(ARTICLES, window, Duration.ofMillis(1), false),
                Serdes.String(), SignatureSerdes.seenArticle()).withCachingDisabled();
    }

    @Override
    public List<String> idsInBand(String bandKey, long since, int limit) {
        List<String> ids = new ArrayList<>();
        try (WindowStoreIterator<String> it = bands.fetch(bandKey, since, Long.MAX_VALUE)) {
            while (it.hasNext() && ids.size() < limit) {
                ids.add(it.next().value);
            }
        }
        return ids;
    }

    @Override
    public void addToBand(String bandKey, String articleId, long at) {
        bands.put(bandKey, articleId, at);
    }

    @Override
    public SeenArticle article(String id, long since) {
        SeenArticle found = null;
        try (WindowStoreIterator<SeenArticle> it = articles.fetch(id, since, Long.MAX_VALUE)) {
            while (it.hasNext()) {
                found = it.next().value;
            }
        }
        return found;
    }

    @Override
    public void addArticle(SeenArticle article, long at) {
        articles.put(article.id(), article, at);
    }
}
