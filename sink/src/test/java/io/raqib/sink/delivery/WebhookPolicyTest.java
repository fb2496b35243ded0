package io.raqib.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.model.Watch;
import io.raqib.sink.watches.InvalidWatchException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookPolicyTest {

    private final WebhookPolicy policy = new WebhookPolicy(List.of("https://hooks.example.org/raqib/",
            "HTTP://Chat.Internal:8065", "https://hooks.example.org:443/other"));

    private static Watch watch(String webhook) {
        return new Watch("w", "W", "x", null, null, List.of(), null, webhook);
    }

    private String stored(String webhook) {
        return policy.normalize(watch(webhook)).webhook();
    }

    @Test
    void anAllowedWebhookIsStoredNormalized() {
        assertThat(stored("https://HOOKS.example.org:443/raqib/levant?x=1"))
                .isEqualTo("https://hooks.example.org/raqib/levant?x=1");
        assertThat(stored("http://chat.internal:8065/hooks/abc")).isEqualTo("http://chat.internal:8065/hooks/abc");
        assertThat(stored("https://hooks.example.org/other")).isEqualTo("https://hooks.example.org/other");
        assertThat(policy.webhook(watch("https://hooks.example.org/raqib/%6cevant")).map(WebhookUrl::toString))
                .contains("https://hooks.example.org/raqib/levant");
    }

    @Test
    void noWebhookStaysNone() {
        assertThat(policy.normalize(watch(null))).isEqualTo(watch(null));
        assertThat(stored("")).isNull();
        assertThat(stored("   ")).isNull();
        assertThat(policy.webhook(watch(null))).isEqualTo(Optional.empty());
    }

    @Test
    void escapesLookAlikesAndOtherTargetsAreRefusedNamingTheField() {
        for (String url : List.of("https://hooks.example.org/raqib/levant ",
                "https://hooks.example.org.evil.com/raqib/x", "https://hooks.example.org/raqibevil",
                "https://hooks.example.org/raqib",
                "https://hooks.example.org/raqib/../admin", "https://hooks.example.org/raqib%2F..%2Fadmin",
                "https://hooks.example.org/raqib/%2e%2e/admin", "https://hooks.example.org/raqib/..;/admin",
                "https://hooks.example.org/otherx", "http://hooks.example.org/raqib/x",
                "https://hooks.example.org:8443/raqib/x", "https://user@hooks.example.org/raqib/x",
                "http://169.254.169.254/latest/meta-data", "file:///etc/passwd", "not a url")) {
            assertThatThrownBy(() -> policy.normalize(watch(url))).as(url).isInstanceOf(InvalidWatchException.class)
                    .hasMessageContaining("watch 'w': webhook ")
                    .satisfies(e -> assertThat(((InvalidWatchException) e).field()).isEqualTo("webhook"));
        }
        assertThatThrownBy(() -> policy.webhook(watch("https://attacker.example/")))
                .hasMessageContaining("is not under an allowed prefix (raqib.webhook.allow)");
    }

    @Test
    void entriesAreNormalizedAndABadOneIsAConfigurationError() {
        assertThat(policy.targets()).containsExactlyInAnyOrder("https://hooks.example.org",
                "http://chat.internal:8065");
        for (String entry : List.of("ftp://x/", "https://h.example/a b", "https://h.example/x?y=1",
                "https://h.example/a/../b")) {
            assertThatThrownBy(() -> new WebhookPolicy(List.of(entry))).as(entry)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("raqib.webhook.allow: '");
        }
    }

    @Test
    void withNoAllowListWebhooksAreOff() {
        WebhookPolicy none = new WebhookPolicy(List.of());

        assertThat(none.allowsNone()).isTrue();
        assertThatThrownBy(() -> none.normalize(watch("https://hooks.example.org/raqib/")))
                .hasMessageContaining("webhooks are off");
    }
}
