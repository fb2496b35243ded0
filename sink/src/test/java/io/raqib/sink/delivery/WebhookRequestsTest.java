package io.raqib.sink.delivery;

import static io.raqib.sink.delivery.WebhookFixtures.OTHER_SECRET;
import static io.raqib.sink.delivery.WebhookFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.config.WebhookSettings;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Watch;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which body, content type and secrets each watch's webhook gets, and the shape of a Slack message. */
class WebhookRequestsTest {

    private static final byte[] ALERT = WebhookFixtures.alert("f00d");
    private final WebhookRequests requests = new WebhookRequests(settings(
            "news=" + SECRET + ",*=" + OTHER_SECRET, "news=slack"));

    private static WebhookSettings settings(String secrets, String formats) {
        return RaqibConfig.load(null, Map.of(), Map.of(WebhookSettings.SECRETS, secrets, WebhookSettings.FORMATS,
                formats)).sink().webhooks();
    }

    private static Watch watch(String desk, String format) {
        return new Watch("w", "Drought", "drought", null, desk, List.of(), null, "https://h.example/", List.of(),
                null, List.of(), List.of(), format);
    }

    private static boolean signedWith(String secret, WebhookRequest request) throws Exception {
        return WebhookFixtures.verifies(secret, request.id(), "1700000000", request.body(),
                request.signer().signature(request.id(), 1700000000, request.body()));
    }

    @Test
    void byDefaultTheCloudEventAsReadSignedWithTheDesksSecret() throws Exception {
        WebhookRequest request = requests.of(watch("sports", null), ALERT);

        assertThat(request.id()).isEqualTo("f00d");
        assertThat(request.contentType()).startsWith("application/cloudevents+json");
        assertThat(request.body()).isEqualTo(ALERT);
        assertThat(signedWith(OTHER_SECRET, request)).as("desk * covers sports").isTrue();
        assertThat(signedWith(SECRET, request)).isFalse();
    }

    @Test
    void theWatchsFormatWinsOverItsDesks() throws Exception {
        WebhookRequest deskSlack = requests.of(watch("news", null), ALERT);
        WebhookRequest watchCloudEvent = requests.of(watch("news", "cloudevents"), ALERT);
        WebhookRequest watchSlack = requests.of(watch(null, "slack"), ALERT);

        assertThat(deskSlack.contentType()).isEqualTo("application/json; charset=UTF-8");
        assertThat(RaqibJson.mapper().readTree(deskSlack.body()).has("blocks")).isTrue();
        assertThat(signedWith(SECRET, deskSlack)).isTrue();
        assertThat(watchCloudEvent.body()).isEqualTo(ALERT);
        assertThat(RaqibJson.mapper().readTree(watchSlack.body()).has("blocks")).isTrue();
        assertThat(signedWith(OTHER_SECRET, watchSlack)).as("no desk: desk *").isTrue();
    }

    @Test
    void withoutASecretForTheDeskTheRequestIsUnsigned() {
        WebhookRequests newsOnly = new WebhookRequests(settings("news=" + SECRET, ""));

        assertThat(newsOnly.of(watch("sports", null), ALERT).signer()).isNull();
        assertThat(newsOnly.of(watch(null, null), ALERT).signer()).isNull();
        assertThat(newsOnly.of(watch("news", null), ALERT).signer()).isNotNull();
    }

    @Test
    void anAlertWithoutAUsableIdOrNotJsonIsRefused() {
        byte[] dotted = WebhookFixtures.alert("a.b");

        assertThatThrownBy(() -> requests.of(watch("news", null), dotted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook-id");
        assertThatThrownBy(() -> requests.of(watch("news", null), "{\"specversion\":\"1.0\"}".getBytes(
                StandardCharsets.UTF_8))).hasMessageContaining("webhook-id");
        assertThatThrownBy(() -> requests.of(watch("news", null), "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aSlackMessageNamesTheWatchLinksTheTitleAndQuotesTheFragmentEscaped() throws Exception {
        JsonNode message = RaqibJson.mapper().readTree(requests.of(watch("news", null), ALERT).body());

        assertThat(message.path("text").asText()).isEqualTo("Drought &lt;Levant&gt;: Wheat &amp; barley fail in Syria");
        JsonNode blocks = message.path("blocks");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("*Drought &lt;Levant&gt;*\n"
                + "<https://news.example.org/a?x=1%7C2|Wheat &amp; barley fail in Syria>");
        assertThat(blocks.get(1).path("type").asText()).isEqualTo("context");
        assertThat(blocks.get(1).path("elements").get(0).path("text").asText()).isEqualTo("news.example.org · en");
        assertThat(blocks.get(2).path("text").path("text").asText())
                .isEqualTo("> the worst drought in &lt;b&gt;decades&lt;/b&gt;");
    }

    @Test
    void withoutUrlSourceOrHighlightsTheSlackMessageShowsTheTitleAlone() throws Exception {
        byte[] bare = RaqibJson.write(Alert.of("b4re", Instant.now(), new AlertData("w", null, "a1", "Wheat", null,
                null, null, null, List.of(), List.of()))).getBytes(StandardCharsets.UTF_8);

        JsonNode message = RaqibJson.mapper().readTree(requests.of(watch("news", null), bare).body());

        assertThat(message.path("text").asText()).isEqualTo("w: Wheat");
        assertThat(message.path("blocks")).hasSize(1);
        assertThat(message.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("*w*\nWheat");
    }
}
