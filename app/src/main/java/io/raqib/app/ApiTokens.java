package io.raqib.app;

import io.raqib.core.model.Watch;
import io.raqib.sink.api.ApiCaller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API tokens a process accepts, from {@code raqib.api.tokens}. Each entry is one of
 * <pre>
 * desk:&lt;desk&gt;:&lt;sha256hex&gt;   a desk's token (its watches and their alerts), stored as its SHA-256
 * admin:&lt;sha256hex&gt;         an operator's token (everything), stored as its SHA-256
 * &lt;token&gt;                    an operator's token in plain (the demo, a quick compose start)
 * </pre>
 * Tokens are 128 random bits, so a plain SHA-256 is enough: there is nothing to guess a dictionary for. A token
 * is checked by hashing it and comparing against every entry in constant time.
 */
public final class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final String DESK_PREFIX = "desk:";
    private static final String ADMIN_PREFIX = "admin:";
    private static final int SHA256_HEX_DIGITS = 64;
    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * Reads the configured entries; a malformed {@code desk:} or {@code admin:} entry is refused naming its place in
     * the list (never its text: it could be a plain token).
     */
    public static ApiTokens parse(List<String> configured) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            entries.add(entry(configured.get(i), i + 1));
        }
        return new ApiTokens(List.copyOf(entries));
    }

    private static Entry entry(String text, int position) {
        if (text.startsWith(ADMIN_PREFIX)) {
            return new Entry(ApiCaller.ADMIN, hash(text.substring(ADMIN_PREFIX.length()), position));
        }
        if (!text.startsWith(DESK_PREFIX)) {
            return new Entry(ApiCaller.ADMIN, sha256(text));
        }
        String rest = text.substring(DESK_PREFIX.length());
        int colon = rest.lastIndexOf(':');
        String desk = colon < 0 ? "" : rest.substring(0, colon);
        if (!Watch.DESK_NAME.matcher(desk).matches()) {
            throw invalid(position, "the desk must be lower-case letters, digits, '.', '_' or '-'");
        }
        return new Entry(ApiCaller.ofDesk(desk), hash(rest.substring(colon + 1), position));
    }

    private static byte[] hash(String hex, int position) {
        if (hex.length() != SHA256_HEX_DIGITS || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw invalid(position, "expected " + SHA256_HEX_DIGITS + " hex digits of a SHA-256");
        }
        return HEX.parseHex(hex);
    }

    private static IllegalArgumentException invalid(int position, String reason) {
        return new IllegalArgumentException("raqib.api.tokens entry " + position + " is not desk:<desk>:<sha256hex> "
                + "or admin:<sha256hex>: " + reason + " (make one with `raqib token`)");
    }

    /** Whether no token is accepted (the API then refuses every call). */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The caller {@code token} belongs to, or empty for a token no entry accepts. */
    public Optional<ApiCaller> caller(String token) {
        byte[] given = sha256(token);
        ApiCaller found = null;
        // Every entry is compared, so the time taken does not tell which one (or whether one) matched.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), given)) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A fresh random token: 128 bits, hex. */
    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** The {@code raqib.api.tokens} entry that accepts {@code token} for {@code caller}, the token itself hashed. */
    public static String entryFor(ApiCaller caller, String token) {
        String hash = HEX.formatHex(sha256(token));
        return caller.admin() ? ADMIN_PREFIX + hash : DESK_PREFIX + caller.desk() + ":" + hash;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** One accepted token: whose it is and its SHA-256. */
    private record Entry(ApiCaller caller, byte[] sha256) {
    }
}
