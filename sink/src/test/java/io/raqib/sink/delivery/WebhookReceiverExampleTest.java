package io.raqib.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raqib.sink.delivery.WebhookOutcomes.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's receiver example, run as written ({@code python3 docs/webhook_receiver.py}), against the sender's
 * signed deliveries. Skipped without a Python 3.9+ on the PATH.
 */
class WebhookReceiverExampleTest {

    private static final Path SCRIPT = Path.of("..", "docs", "webhook_receiver.py");
    private static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    private final WebhookSender sender = new WebhookSender(Duration.ofSeconds(10), List.of());
    private final CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofMinutes(1), System::nanoTime);
    private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
    private Process receiver;

    @AfterEach
    void stop() throws InterruptedException {
        if (receiver != null) {
            receiver.destroy();
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theReadmeShowsTheScriptAsItIs() throws IOException {
        assertThat(Files.readString(Path.of("..", "README.md"))).contains(Files.readString(SCRIPT));
    }

    @Test
    void theExampleAcceptsSignedAlertsOnceAndRefusesAnyOther() throws Exception {
        WebhookUrl url = start();
        WebhookSigner signer = new WebhookSigner(List.of(WebhookFixtures.SECRET));

        assertThat(post(url, "f00d", signer).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(printed.poll(10, TimeUnit.SECONDS)).isEqualTo("alert f00d Wheat & barley fail in Syria");
        assertThat(post(url, "f00d", signer).outcome()).as("a repeat is acknowledged").isEqualTo(Outcome.DELIVERED);
        assertThat(post(url, "beef", signer).outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(printed.poll(10, TimeUnit.SECONDS)).as("the repeat printed nothing")
                .isEqualTo("alert beef Wheat & barley fail in Syria");

        WebhookSender.Result wrongSecret = post(url, "cafe", new WebhookSigner(List.of(WebhookFixtures.OTHER_SECRET)));
        WebhookSender.Result unsigned = post(url, "cafe", null);

        assertThat(wrongSecret.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(wrongSecret.reason()).hasMessageContaining("answered HTTP 401");
        assertThat(unsigned.reason()).hasMessageContaining("answered HTTP 401");
        assertThat(printed).isEmpty();
    }

    private WebhookSender.Result post(WebhookUrl url, String id, WebhookSigner signer) throws InterruptedException {
        return sender.send(url, new WebhookRequest(id, CONTENT_TYPE, WebhookFixtures.alert(id), signer), breaker);
    }

    /** Starts the script on a free port; its URL. */
    private WebhookUrl start() throws Exception {
        assumeTrue(python39(), "python3 (3.9+) not found");
        ProcessBuilder command = new ProcessBuilder("python3", SCRIPT.toString(), "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        command.environment().put("RAQIB_WEBHOOK_SECRET", WebhookFixtures.SECRET);
        receiver = command.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.lines().forEach(printed::add);
            } catch (IOException e) {
                // the receiver ended: the assertions on what it printed say what went wrong
            }
        });
        reader.setDaemon(true);
        reader.start();
        String listening = printed.poll(20, TimeUnit.SECONDS);
        assertThat(listening).as("the receiver's first line").startsWith("listening on port ");
        return WebhookUrl.parse("http://127.0.0.1:" + listening.substring("listening on port ".length()) + "/alerts");
    }

    private static boolean python39() {
        try {
            Process version = new ProcessBuilder("python3", "-c", "import sys; sys.exit(sys.version_info < (3, 9))")
                    .redirectErrorStream(true).start();
            return version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
