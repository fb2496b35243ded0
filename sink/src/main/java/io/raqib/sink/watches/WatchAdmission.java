package io.raqib.sink.watches;

import io.raqib.core.config.SinkSettings;
import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.Watch;
import io.raqib.sink.delivery.WebhookPolicy;
import java.util.Collection;
import java.util.Objects;

/**
 * What a watch must pass before it is stored, whichever way it comes in (REST API or {@code raqib watches add}):
 * a valid query within the watch limits, a webhook under the allow-list, and room on its desk.
 */
public final class WatchAdmission {

    private final WatchLimits limits;
    private final WatchQueryParser parser;
    private final int maxPerDesk;
    private final WebhookPolicy webhooks;

    /** Admission with the watch limits, desk limit and webhook allow-list of {@code settings}. */
    public WatchAdmission(SinkSettings settings) {
        this.limits = settings.watchLimits();
        this.parser = new WatchQueryParser(limits);
        this.maxPerDesk = settings.maxWatchesPerDesk();
        this.webhooks = new WebhookPolicy(settings.webhookAllow());
    }

    /** The bounds a watch must respect here (also those of a dry run). */
    public WatchLimits limits() {
        return limits;
    }

    /**
     * The watch to store (its webhook normalized, see {@link WebhookPolicy#normalize}). Throws
     * {@link InvalidWatchException} for a bad watch and {@link LimitExceededException} when storing it would give
     * its desk more than the limit among {@code existing} (a replaced watch does not count twice).
     */
    public Watch check(Watch watch, Collection<Watch> existing) {
        parser.compile(watch);
        Watch admitted = webhooks.normalize(watch);
        long onDesk = existing.stream()
                .filter(w -> !w.id().equals(watch.id()) && Objects.equals(w.desk(), watch.desk())).count();
        if (onDesk >= maxPerDesk) {
            throw new LimitExceededException("desk '" + (watch.desk() == null ? "" : watch.desk())
                    + "' already has " + onDesk + " watches (limit " + maxPerDesk + ")");
        }
        return admitted;
    }

    /** A watch refused because a configured limit is reached. */
    public static final class LimitExceededException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public LimitExceededException(String message) {
            super(message);
        }
    }
}
