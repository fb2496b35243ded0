package io.raqib.sink.delivery;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Highlight;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Alerts to post, and a receiver's check of a Standard Webhooks signature written apart from the sender's. */
final class WebhookFixtures {

    /** The secret of the Standard Webhooks reference implementation's tests (24 bytes). */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** Another valid secret: 32 bytes of 0x01. */
    static final String OTHER_SECRET = "whsec_AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

    private WebhookFixtures() {
    }

    /** An alert's CloudEvent JSON, as on {@code raqib.alerts}. */
    static byte[] alert(String id) {
        AlertData data = new AlertData("drought-watch", "Drought <Levant>", "a1", "Wheat & barley fail in Syria",
                "https://news.example.org/a?x=1|2", "news.example.org", "en",
                List.of(new Highlight("body", 10, 17, "drought", "the worst\n drought in <b>decades</b>")),
                List.of(), List.of());
        return RaqibJson.write(Alert.of(id, Instant.parse("2026-12-02T12:00:00Z"), data))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code signatureHeader} holds a {@code v1} signature of id, timestamp and body under {@code secret},
     * checked as a receiver would: decode the secret, HMAC-SHA256, compare in constant time.
     */
    static boolean verifies(String secret, String id, String timestamp, byte[] body, String signatureHeader)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] signed = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(signed, signed.length + body.length);
        System.arraycopy(body, 0, content, signed.length, body.length);
        byte[] expected = Base64.getEncoder().encode(mac.doFinal(content));
        return signatureHeader != null && Arrays.stream(signatureHeader.split(" ")).filter(s -> s.startsWith("v1,"))
                .anyMatch(s -> MessageDigest.isEqual(expected, s.substring(3).getBytes(StandardCharsets.US_ASCII)));
    }
}
