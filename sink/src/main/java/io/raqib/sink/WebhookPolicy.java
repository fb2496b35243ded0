package io.raqib.sink;

import io.raqib.core.model.Watch;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook targets a watch may name: only URLs under an operator's allow-list entry (same scheme, host and
 * port; path under the entry's path), so a watch cannot make the sink call arbitrary internal addresses. An
 * empty list allows no webhook at all.
 */
public final class WebhookPolicy {

    private final List<URI> allowed;

    /** @param allowPrefixes URL prefixes such as {@code https://hooks.example.org/raqib/} */
    public WebhookPolicy(List<String> allowPrefixes) {
        this.allowed = allowPrefixes.stream().map(p -> parse(p).orElseThrow(() ->
                new IllegalArgumentException("raqib.webhook.allow: '" + p + "' is not an http(s) URL"))).toList();
    }

    /** Whether no webhook at all is allowed (no allow-list): then there is nothing to deliver. */
    public boolean allowsNone() {
        return allowed.isEmpty();
    }

    /** Whether {@code url} is an http(s) URL under one of the allowed prefixes. */
    public boolean allows(String url) {
        return parse(url).map(u -> allowed.stream().anyMatch(a -> under(u, a))).orElse(false);
    }

    /** Throws {@link InvalidWatchException} (field {@code webhook}) when the watch names a webhook not allowed. */
    public void check(Watch watch) {
        String url = watch.webhook();
        if (url == null || url.isBlank()) {
            return;
        }
        if (parse(url).isEmpty()) {
            throw new InvalidWatchException(watch.id(), "webhook", -1, "webhook must be an absolute http(s) URL", null);
        }
        if (!allows(url)) {
            throw new InvalidWatchException(watch.id(), "webhook", -1, allowed.isEmpty()
                    ? "webhooks are off: the operator must list allowed URL prefixes in raqib.webhook.allow"
                    : "webhook " + url + " is not under an allowed prefix (raqib.webhook.allow)", null);
        }
    }

    private static boolean under(URI url, URI prefix) {
        return url.getScheme().equals(prefix.getScheme()) && url.getHost().equals(prefix.getHost())
                && port(url) == port(prefix) && path(url).startsWith(path(prefix));
    }

    private static Optional<URI> parse(String text) {
        try {
            URI u = new URI(text.strip()).normalize();
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getUserInfo() == null) {
                return Optional.of(new URI(scheme, null, u.getHost().toLowerCase(Locale.ROOT), u.getPort(),
                        u.getPath(), null, null));
            }
        } catch (URISyntaxException e) {
            // not a URL: refused below
        }
        return Optional.empty();
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : u.getScheme().equals("https") ? 443 : 80;
    }

    /** The path with a trailing slash, so {@code /raqib} does not admit {@code /raqibevil}. */
    private static String path(URI u) {
        String p = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
        return p.endsWith("/") ? p : p + "/";
    }
}
