package io.raqib.sink.delivery;

import static io.raqib.sink.delivery.WebhookFixtures.OTHER_SECRET;
import static io.raqib.sink.delivery.WebhookFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification defines them, checked on its reference test vector. */
class WebhookSignerTest {

    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    /** What the reference implementations (Java, Python, …) compute for the values above. */
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theReferenceTestVector() throws Exception {
        String signature = new WebhookSigner(List.of(SECRET)).signature(ID, TIMESTAMP, PAYLOAD);

        assertThat(signature).isEqualTo(EXPECTED);
        assertThat(WebhookFixtures.verifies(SECRET, ID, Long.toString(TIMESTAMP), PAYLOAD, signature)).isTrue();
    }

    @Test
    void whileRotatingEachSecretSignsAndEitherVerifies() throws Exception {
        String signature = new WebhookSigner(List.of(OTHER_SECRET, SECRET)).signature(ID, TIMESTAMP, PAYLOAD);

        assertThat(signature.split(" ")).hasSize(2).endsWith(EXPECTED);
        assertThat(WebhookFixtures.verifies(OTHER_SECRET, ID, "1614265330", PAYLOAD, signature)).isTrue();
        assertThat(WebhookFixtures.verifies(SECRET, ID, "1614265330", PAYLOAD, signature)).isTrue();
    }

    @Test
    void idTimestampAndBodyAreAllSigned() throws Exception {
        String signature = new WebhookSigner(List.of(SECRET)).signature(ID, TIMESTAMP, PAYLOAD);

        assertThat(WebhookFixtures.verifies(OTHER_SECRET, ID, "1614265330", PAYLOAD, signature)).isFalse();
        assertThat(WebhookFixtures.verifies(SECRET, ID + "x", "1614265330", PAYLOAD, signature)).isFalse();
        assertThat(WebhookFixtures.verifies(SECRET, ID, "1614265331", PAYLOAD, signature)).isFalse();
        assertThat(WebhookFixtures.verifies(SECRET, ID, "1614265330", "{\"test\":2432232314}"
                .getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(new WebhookSigner(List.of(SECRET)).toString()).doesNotContain("MfKQ");
    }
}
