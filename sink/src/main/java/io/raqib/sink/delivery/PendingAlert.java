package io.raqib.sink.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An alert on its way to a webhook, from the moment it is read until it is finished.
 *
 * @param record   the alert as read from {@code raqib.alerts}
 * @param progress the progress of its partition under the assignment it was read in
 * @param url      where it goes: the normalized, allowed webhook of its watch
 * @param request  what is posted there: body, content type, id and signer
 */
record PendingAlert(ConsumerRecord<byte[], byte[]> record, PartitionProgress progress, WebhookUrl url,
                    WebhookRequest request) {
}
