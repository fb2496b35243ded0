package io.raqib.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.model.Watch;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPolicyTest {

    private final WebhookPolicy policy = new WebhookPolicy(List.of("https://hooks.example.org/raqib/",
            "http://chat.internal:8065"));

    @Test
    void urlsUnderAnAllowedPrefixPass() {
        assertThat(policy.allows("https://hooks.example.org/raqib/levant")).isTrue();
        assertThat(policy.allows("https://HOOKS.example.org:443/raqib/levant?x=1")).isTrue();
        assertThat(policy.allows("http://chat.internal:8065/hooks/abc")).isTrue();
    }

    @Test
    void lookAlikesAndOtherTargetsAreRefused() {
        assertThat(policy.allows("https://hooks.example.org.evil.com/raqib/x")).isFalse();
        assertThat(policy.allows("https://hooks.example.org/raqibevil")).isFalse();
        assertThat(policy.allows("https://hooks.example.org/raqib/../admin")).isFalse();
        assertThat(policy.allows("http://hooks.example.org/raqib/x")).as("other scheme").isFalse();
        assertThat(policy.allows("https://hooks.example.org:8443/raqib/x")).as("other port").isFalse();
        assertThat(policy.allows("https://user@hooks.example.org/raqib/x")).as("credentials").isFalse();
        assertThat(policy.allows("http://169.254.169.254/latest/meta-data")).isFalse();
        assertThat(policy.allows("file:///etc/passwd")).isFalse();
        assertThat(policy.allows("not a url")).isFalse();
    }

    @Test
    void aWatchWithAForbiddenWebhookIsRefusedNamingTheField() {
        Watch watch = new Watch("w", "W", "x", null, null, List.of(), null, "https://attacker.example/");

        assertThatThrownBy(() -> policy.check(watch)).isInstanceOf(InvalidWatchException.class)
                .hasMessageContaining("raqib.webhook.allow")
                .satisfies(e -> assertThat(((InvalidWatchException) e).field()).isEqualTo("webhook"));
        policy.check(new Watch("w", "W", "x", null, null, List.of(), null, null));
    }

    @Test
    void withNoAllowListWebhooksAreOff() {
        Watch watch = new Watch("w", "W", "x", null, null, List.of(), null, "https://hooks.example.org/raqib/");

        assertThatThrownBy(() -> new WebhookPolicy(List.of()).check(watch)).hasMessageContaining("webhooks are off");
        assertThatThrownBy(() -> new WebhookPolicy(List.of("ftp://x/"))).hasMessageContaining("raqib.webhook.allow");
    }
}
