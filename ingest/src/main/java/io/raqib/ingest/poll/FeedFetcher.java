package io.raqib.ingest.poll;

import io.raqib.ingest.feed.Links;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one feed over HTTP(S) politely and defensively: conditional GET ({@code If-None-Match},
 * {@code If-Modified-Since}), a {@code User-Agent}, at most {@code maxRedirects} redirects and only to http(s),
 * one overall timeout (connect + headers + body), and a size limit checked on {@code Content-Length} and again
 * while reading, so a 50 MB answer is refused without being held in memory.
 */
public final class FeedFetcher {

    /** What the server answered. {@code body} is null when the feed was not modified. */
    public record Response(byte[] body, String contentType, String url, String etag, String lastModified) {

        /** True for a 304 Not Modified answer. */
        public boolean notModified() {
            return body == null;
        }
    }

    /** The validators of the previous successful fetch, sent back for a conditional GET. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    private static final String USER_AGENT = "Raqib/0.1 (media monitor; feed poller)";

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;
    private final int maxRedirects;

    public FeedFetcher(Duration timeout, int maxBytes, int maxRedirects) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
    }

    /** Fetches {@code url}; throws {@link IOException} with the reason on any failure, refusal or timeout. */
    public Response fetch(String url, Validators validators) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String current = url;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            HttpResponse<InputStream> response = send(current, validators, deadline);
            int status = response.statusCode();
            if (status == 304) {
                response.body().close();
                return new Response(null, null, current, validators.etag(), validators.lastModified());
            }
            if (status >= 300 && status < 400) {
                response.body().close();
                String location = response.headers().firstValue("Location").orElseThrow(
                        () -> new IOException("HTTP " + status + " without a Location header"));
                String next = Links.resolve(current, location);
                if (next == null) {
                    throw new IOException("redirect to a non-http(s) address refused: " + location);
                }
                current = next;
                continue;
            }
            if (status != 200) {
                response.body().close();
                throw new IOException("HTTP " + status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                response.body().close();
                throw new IOException("feed is " + declared + " bytes, over the limit of " + maxBytes);
            }
            byte[] body = readLimited(response.body(), deadline);
            return new Response(body, response.headers().firstValue("Content-Type").orElse(null), current,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
        throw new IOException("more than " + maxRedirects + " redirects");
    }

    private HttpResponse<InputStream> send(String url, Validators validators, long deadline) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET()
                .timeout(remaining(deadline))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                        + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("timed out after " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Reads at most {@code maxBytes} before the deadline; closing the stream aborts a slow or huge body. */
    private byte[] readLimited(InputStream in, long deadline) throws IOException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (in) {
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new IllegalStateException("feed is over the limit of " + maxBytes + " bytes");
                }
                return bytes;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return read.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            in.close();
            throw new IOException("timed out after " + timeout.toMillis() + " ms reading the body", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Duration remaining(long deadline) throws IOException {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new IOException("timed out");
        }
        return Duration.ofNanos(nanos);
    }
}
