package io.raqib.ingest.poll;

import io.raqib.ingest.feed.Links;
import io.raqib.ingest.net.AddressPolicy;
import io.raqib.ingest.net.PolicyDns;
import io.raqib.ingest.net.RefusedAddressException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Fetches one feed over HTTP(S) politely and defensively: conditional GET ({@code If-None-Match},
 * {@code If-Modified-Since}), a {@code User-Agent}, at most {@code maxRedirects} redirects and only to http(s),
 * one overall timeout (connect + headers + body), and a size limit checked on {@code Content-Length} and again
 * while reading, so a 50 MB answer is refused without being held in memory. Connects only to addresses the
 * {@link AddressPolicy} allows, for the feed and every redirect, checked on the address actually connected to.
 * Direct connections only (no proxy).
 */
public final class FeedFetcher implements AutoCloseable {

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

    private final OkHttpClient client;
    private final PolicyDns dns;
    private final Duration timeout;
    private final int maxBytes;
    private final int maxRedirects;

    /** A fetcher connecting through the system resolver to the addresses {@code policy} allows. */
    public FeedFetcher(Duration timeout, int maxBytes, int maxRedirects, AddressPolicy policy) {
        this(timeout, maxBytes, maxRedirects, new PolicyDns(policy, Dns.SYSTEM));
    }

    FeedFetcher(Duration timeout, int maxBytes, int maxRedirects, PolicyDns dns) {
        this.client = new OkHttpClient.Builder().dns(dns).proxy(Proxy.NO_PROXY)
                .followRedirects(false).followSslRedirects(false)
                .connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout).build();
        this.dns = dns;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
    }

    /**
     * Fetches {@code url}; throws {@link IOException} with the reason on any failure, refusal or timeout
     * ({@link RefusedAddressException} when the feed or a redirect points at an address not allowed).
     */
    public Response fetch(String url, Validators validators) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String current = url;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            HttpUrl target = HttpUrl.parse(current);
            if (target == null) {
                throw new IOException("not an http(s) address: " + current);
            }
            try (okhttp3.Response response = send(target, validators, deadline, hop)) {
                int status = response.code();
                if (status == 304) {
                    return new Response(null, null, current, validators.etag(), validators.lastModified());
                }
                if (status >= 300 && status < 400) {
                    String location = response.header("Location");
                    if (location == null) {
                        throw new IOException("HTTP " + status + " without a Location header");
                    }
                    current = Links.resolve(current, location);
                    if (current == null) {
                        throw new IOException("redirect to a non-http(s) address refused: " + location);
                    }
                    continue;
                }
                if (status != 200) {
                    throw new IOException("HTTP " + status);
                }
                long declared = response.body().contentLength();
                if (declared > maxBytes) {
                    throw new IOException("feed is " + declared + " bytes, over the limit of " + maxBytes);
                }
                byte[] body = read(response.body().byteStream());
                return new Response(body, response.header("Content-Type"), current, response.header("ETag"),
                        response.header("Last-Modified"));
            } catch (InterruptedIOException e) {
                throw Thread.currentThread().isInterrupted() ? new IOException("interrupted", e)
                        : new IOException("timed out after " + timeout.toMillis() + " ms", e);
            }
        }
        throw new IOException("more than " + maxRedirects + " redirects");
    }

    private okhttp3.Response send(HttpUrl url, Validators validators, long deadline, int hop) throws IOException {
        try {
            dns.checkLiteral(url.host());
        } catch (RefusedAddressException e) {
            throw refused(e, url, hop);
        }
        Request.Builder request = new Request.Builder().url(url).get()
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                        + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        Call call = client.newCall(request.build());
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new InterruptedIOException("timeout");
        }
        // One budget for all hops: this call (connect, headers and body) gets what is left of it.
        call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
        try {
            return call.execute();
        } catch (RefusedAddressException e) {
            throw refused(e, url, hop);
        }
    }

    /** Reads at most {@code maxBytes}; the call's timeout aborts a slow body. */
    private byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new IOException("feed is over the limit of " + maxBytes + " bytes");
        }
        return bytes;
    }

    private static RefusedAddressException refused(RefusedAddressException e, HttpUrl url, int hop) {
        RefusedAddressException named = new RefusedAddressException((hop == 0 ? "feed " : "feed redirected to "
                + url + ": ") + e.getMessage());
        named.initCause(e);
        return named;
    }

    /** Drops pooled connections. */
    @Override
    public void close() {
        client.connectionPool().evictAll();
    }
}
