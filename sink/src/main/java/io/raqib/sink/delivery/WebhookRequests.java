package io.raqib.sink.delivery;

import io.raqib.core.config.WebhookSettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Watch;
import io.raqib.core.model.WebhookFormat;
import io.raqib.sink.SinkTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an alert read from {@code raqib.alerts} into the request its watch's webhook gets: the body in the watch's
 * format (else its desk's, else the CloudEvent as read), signed with its desk's secrets when the operator set
 * some ({@code raqib.webhook.secrets}; desk {@code *} for the others). Thread-safe.
 */
final class WebhookRequests {

    /** A {@code webhook-id} receivers can store and compare as is; the spec forbids {@code .} in it. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private final Map<String, WebhookSigner> signers;
    private final Map<String, WebhookFormat> formats;

    WebhookRequests(WebhookSettings settings) {
        this.signers = settings.secrets().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new WebhookSigner(e.getValue())));
        this.formats = settings.formats();
    }

    /**
     * The request for {@code event} (the alert's CloudEvent JSON) of {@code watch}. Throws
     * {@link IllegalArgumentException} when the event has no usable id, {@link UncheckedIOException} when it is
     * not an alert.
     */
    WebhookRequest of(Watch watch, byte[] event) {
        Alert alert;
        try {
            alert = RaqibJson.mapper().readValue(event, Alert.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the alert is not a CloudEvent JSON: " + e.getMessage(), e);
        }
        if (alert.id() == null || !ID.matcher(alert.id()).matches()) {
            throw new IllegalArgumentException("the alert's id is not usable as webhook-id: letters, digits, '_' "
                    + "and '-', at most 128");
        }
        WebhookSigner signer = signerOf(watch.desk());
        if (format(watch) == WebhookFormat.SLACK) {
            if (alert.data() == null) {
                throw new IllegalArgumentException("the alert has no data to show in Slack");
            }
            return new WebhookRequest(alert.id(), SlackMessage.CONTENT_TYPE, SlackMessage.of(alert.data()), signer);
        }
        return new WebhookRequest(alert.id(), SinkTopology.CLOUDEVENTS_CONTENT_TYPE, event, signer);
    }

    /** The signer of {@code desk}'s requests (desk {@code *}'s for the others), or null: unsigned. */
    WebhookSigner signerOf(String desk) {
        return byDesk(signers, desk).orElse(null);
    }

    /** The watch's own format, else its desk's, else the CloudEvent. */
    private WebhookFormat format(Watch watch) {
        return Optional.ofNullable(watch.webhookFormat()).flatMap(WebhookFormat::named)
                .or(() -> byDesk(formats, watch.desk())).orElse(WebhookFormat.CLOUDEVENTS);
    }

    private static <T> Optional<T> byDesk(Map<String, T> settings, String desk) {
        return Optional.ofNullable(desk == null ? null : settings.get(desk))
                .or(() -> Optional.ofNullable(settings.get(WebhookSettings.ANY_DESK)));
    }
}
