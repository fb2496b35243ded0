package io.raqib.sink;

import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The streams of the sink topology that further branches follow (digests, volume alerts), so they need not read a
 * topic a second time.
 *
 * @param articles the enriched articles as read from {@code raqib.articles.enriched} (key = article id)
 * @param alerts   the alerts as written to {@code raqib.alerts} (key = watch id, partitioned by it)
 */
public record SinkStreams(KStream<String, EnrichedArticle> articles, KStream<String, Alert> alerts) {
}
