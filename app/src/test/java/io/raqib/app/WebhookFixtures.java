package io.raqib.app;

import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Watch;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Watches with webhooks and their alerts, for the webhook delivery ITs. */
final class WebhookFixtures {

    private WebhookFixtures() {
    }

    /** A watch posting to {@code webhook} (null: none). */
    static Watch watch(String id, String webhook) {
        return new Watch(id, id, "wheat", null, null, List.of(), null, webhook);
    }

    /** An alert of {@code watchId} with the given id. */
    static Alert alert(String alertId, String watchId) {
        return Alert.of(alertId, Instant.now(), new AlertData(watchId, watchId, "article-" + alertId,
                "Wheat prices", null, "test", "en", List.of(), List.of(), List.of()));
    }

    /** Writes the alerts to {@code raqib.alerts} partition 0, in order, so they queue behind each other. */
    static void sendToOnePartition(String bootstrap, List<Alert> alerts) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(p, Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer())) {
            for (Alert a : alerts) {
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, a.subject(), a)).get();
            }
        }
    }
}
