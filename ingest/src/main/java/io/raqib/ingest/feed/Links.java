package io.raqib.ingest.feed;

import java.net.URI;
import java.util.Locale;

/** Link handling for feed entries: relative links resolved, only http(s) links kept. */
public final class Links {

    private Links() {
    }

    /** Resolves {@code href} against {@code base}; null when the result is not an absolute http(s) URL. */
    public static String resolve(String base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String link = href.strip();
        try {
            URI uri = new URI(link.replace(" ", "%20"));
            if (!uri.isAbsolute() && base != null && isHttp(base)) {
                uri = new URI(base.strip().replace(" ", "%20")).resolve(uri);
            }
            String resolved = uri.toString();
            return isHttp(resolved) ? resolved : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return isHttp(link) ? link : null;
        }
    }

    /** True for an absolute http or https URL. */
    public static boolean isHttp(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://");
    }
}
