package io.raqib.sink.delivery;

import io.raqib.core.config.WebhookSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests the Standard Webhooks way (https://www.standardwebhooks.com/): HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, base64, after {@code v1,}; one signature per secret, space
 * separated, so a receiver can rotate its secret without missing alerts. Thread-safe.
 */
final class WebhookSigner {

    private static final String HMAC = "HmacSHA256";
    private final List<SecretKeySpec> keys;

    /** @param secrets one or more secrets in {@code whsec_<base64>} form */
    WebhookSigner(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no secret to sign with");
        }
        this.keys = secrets.stream().map(s -> new SecretKeySpec(WebhookSettings.signingKey(s), HMAC)).toList();
    }

    /** The {@code webhook-signature} header of a request with this id, timestamp (unix seconds) and body. */
    String signature(String id, long timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        return keys.stream().map(key -> "v1," + Base64.getEncoder().encodeToString(hmac(key, prefix, body)))
                .collect(Collectors.joining(" "));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] prefix, byte[] body) {
        try {
            // a Mac is not thread-safe, and a new one per request costs little next to the POST
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Names the number of secrets only: a signer may end up in a log line. */
    @Override
    public String toString() {
        return "WebhookSigner[" + keys.size() + " secret(s)]";
    }
}
