package io.raqib.core.config;

import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which desks get alert digests and how, part of {@link SinkSettings}.
 *
 * @param subscriptions {@code raqib.digests}: comma-separated {@code desk:period[:target;target…]}, e.g.
 *                      {@code levant:PT1H:ana@example.org;https://hooks.example.org/raqib/levant, gulf:P1D}; every
 *                      digest goes to {@code raqib.digests}, and to the targets given: e-mail addresses, webhook
 *                      URLs ({@code http://}, {@code https://}, under {@code raqib.webhook.allow})
 * @param grace         {@code raqib.digest.grace}: how long after a period ends its late alerts are still waited
 *                      for before the digest is sent (default {@code PT1M})
 * @param smtp          the mail server digests are sent through
 */
public record DigestSettings(List<Subscription> subscriptions, Duration grace, SmtpSettings smtp) {

    public static final String DIGESTS = "raqib.digests";
    public static final String GRACE = "raqib.digest.grace";
    /** The periods a desk may ask for: a shorter one would mail an analyst every few minutes. */
    public static final Set<Duration> PERIODS = Set.of(Duration.ofHours(1), Duration.ofDays(1));

    private static final Pattern WEBHOOK = Pattern.compile("(?i)https?://");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s;,<>]+@[^@\\s;,<>]+\\.[^@\\s;,<>]+");

    static final Map<String, String> DEFAULTS = defaults();

    /**
     * One desk's digest: its alerts of each {@code period} (aligned to UTC hours or days) grouped by watch and
     * story, mailed to {@code mailTo} and posted to {@code webhooks} (both may be empty: the topic only).
     */
    public record Subscription(String desk, Duration period, List<String> mailTo, List<String> webhooks) {
    }

    /** Whether any desk asked for digests. */
    public boolean enabled() {
        return !subscriptions.isEmpty();
    }

    /** Whether any digest is to be mailed or posted. */
    public boolean delivers() {
        return subscriptions.stream().anyMatch(s -> !s.mailTo().isEmpty() || !s.webhooks().isEmpty());
    }

    /** The addresses the {@code period} digest of {@code desk} goes to. */
    public List<String> recipients(String desk, Duration period) {
        return subscriptionsOf(desk, period).flatMap(s -> s.mailTo().stream()).distinct().toList();
    }

    /** The webhook URLs the {@code period} digest of {@code desk} is posted to. */
    public List<String> webhooks(String desk, Duration period) {
        return subscriptionsOf(desk, period).flatMap(s -> s.webhooks().stream()).distinct().toList();
    }

    private Stream<Subscription> subscriptionsOf(String desk, Duration period) {
        return subscriptions.stream().filter(s -> s.desk().equals(desk) && s.period().equals(period));
    }

    static DigestSettings from(ConfigValues v) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (String entry : v.list(DIGESTS)) {
            subscriptions.add(subscription(v, entry));
        }
        SmtpSettings smtp = SmtpSettings.from(v);
        if (subscriptions.stream().anyMatch(s -> !s.mailTo().isEmpty()) && smtp.host().isEmpty()) {
            throw v.invalid(SmtpSettings.HOST, "", "a mail server: " + DIGESTS + " names e-mail addresses");
        }
        return new DigestSettings(List.copyOf(subscriptions), v.duration(GRACE), smtp);
    }

    private static Subscription subscription(ConfigValues v, String entry) {
        String[] parts = entry.split(":", 3);
        String what = "desk:period[:address;…] entries with period PT1H or P1D";
        if (parts.length < 2 || !Watch.DESK_NAME.matcher(parts[0].strip()).matches()) {
            throw v.invalid(DIGESTS, entry, what);
        }
        Duration period;
        try {
            period = Duration.parse(parts[1].strip());
        } catch (RuntimeException e) {
            throw v.invalid(DIGESTS, entry, what);
        }
        if (!PERIODS.contains(period)) {
            throw v.invalid(DIGESTS, entry, what);
        }
        List<String> targets = parts.length < 3 ? List.of() : Arrays.stream(parts[2].split(";"))
                .map(String::strip).filter(a -> !a.isEmpty()).toList();
        List<String> webhooks = targets.stream().filter(t -> WEBHOOK.matcher(t).lookingAt()).toList();
        List<String> mailTo = targets.stream().filter(t -> !webhooks.contains(t)).toList();
        for (String address : mailTo) {
            if (!ADDRESS.matcher(address).matches()) {
                throw v.invalid(DIGESTS, entry, what + " and targets that are e-mail addresses or http(s) URLs ("
                        + address + " is neither)");
            }
        }
        return new Subscription(parts[0].strip(), period, mailTo, webhooks);
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>(Map.of(DIGESTS, "", GRACE, "PT1M"));
        defaults.putAll(SmtpSettings.DEFAULTS);
        return Map.copyOf(defaults);
    }
}
