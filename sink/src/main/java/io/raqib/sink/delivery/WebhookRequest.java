package io.raqib.sink.delivery;

/**
 * What is posted for one alert, the same at every attempt; each attempt adds its own {@code webhook-timestamp}
 * and, when {@code signer} is set, signs with it.
 *
 * @param id          the {@code webhook-id}: the alert's CloudEvent id, which receivers use to drop repeats
 * @param contentType the body's media type
 * @param body        the bytes posted, exactly as signed (not copied: nobody changes them)
 * @param signer      the secrets of the watch's desk, or null when that desk has none (unsigned)
 */
record WebhookRequest(String id, String contentType, byte[] body, WebhookSigner signer) {
}
