package io.raqib.core.kafka;

import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertState;
import io.raqib.core.model.Article;
import io.raqib.core.model.Digest;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The typed topic registry (contract: DESIGN.md). Every module reads and writes topics through these specs. */
public final class Topics {

    /** Ingested articles, key = article id. */
    public static final TopicSpec<String, Article> ARTICLES_RAW =
            new TopicSpec<>("raqib.articles.raw", Serdes.String(), new JsonSerde<>(Article.class), false);
    /** Enriched articles, key = article id. */
    public static final TopicSpec<String, EnrichedArticle> ARTICLES_ENRICHED =
            new TopicSpec<>("raqib.articles.enriched", Serdes.String(), new JsonSerde<>(EnrichedArticle.class),
                    false);
    /** Watches, compacted, key = watch id, null value = deleted. */
    public static final TopicSpec<String, Watch> WATCHES =
            new TopicSpec<>("raqib.watches", Serdes.String(), new JsonSerde<>(Watch.class), true);
    /** Alerts as CloudEvent JSON, key = watch id. */
    public static final TopicSpec<String, Alert> ALERTS =
            new TopicSpec<>("raqib.alerts", Serdes.String(), new JsonSerde<>(Alert.class), false);
    /** Analysts' states of alerts (acknowledged, assignee), compacted, key = alert id. */
    public static final TopicSpec<String, AlertState> ALERT_STATES =
            new TopicSpec<>("raqib.alert.states", Serdes.String(), new JsonSerde<>(AlertState.class), true);
    /** Alert digests of desks (hourly, daily), key = desk. */
    public static final TopicSpec<String, Digest> DIGESTS =
            new TopicSpec<>("raqib.digests", Serdes.String(), new JsonSerde<>(Digest.class), false);
    /** Records that could not be processed, original bytes with headers saying why. */
    public static final TopicSpec<byte[], byte[]> DLQ =
            new TopicSpec<>("raqib.dlq", Serdes.ByteArray(), Serdes.ByteArray(), false);

    private Topics() {
    }

    /** All topics the pipeline needs, for creation at start. */
    public static List<TopicSpec<?, ?>> all() {
        return List.of(ARTICLES_RAW, ARTICLES_ENRICHED, WATCHES, ALERTS, ALERT_STATES, DIGESTS, DLQ);
    }
}
