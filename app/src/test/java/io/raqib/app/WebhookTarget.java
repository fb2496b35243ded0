package io.raqib.app;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A webhook target on a real HTTP server (its own port, so a target of its own): answers 202, or holds every
 * request unanswered until {@link #release()}.
 */
final class WebhookTarget implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final CountDownLatch released;
    private final AtomicInteger answered = new AtomicInteger();

    private WebhookTarget(boolean holding) throws IOException {
        released = new CountDownLatch(holding ? 1 : 0);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                released.await();
                answered.incrementAndGet();
                return new MockResponse().setResponseCode(202);
            }
        });
        server.start();
    }

    /** A target that answers every request at once. */
    static WebhookTarget answering() throws IOException {
        return new WebhookTarget(false);
    }

    /** A target that answers nothing until released. */
    static WebhookTarget holding() throws IOException {
        return new WebhookTarget(true);
    }

    /** The URL of {@code path} on this target. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    /** The ids of the next {@code count} alerts posted here (received, answered or not), in order. */
    List<String> takeAlertIds(int count, Duration wait) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest r = server.takeRequest(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                break;
            }
            try {
                ids.add(RaqibJson.mapper().readValue(r.getBody().readUtf8(), Alert.class).id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    /** Requests received so far. */
    int requests() {
        return server.getRequestCount();
    }

    /** Requests answered so far. */
    int answered() {
        return answered.get();
    }

    /** Answers the held requests and all later ones. */
    void release() {
        released.countDown();
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
    }
}
