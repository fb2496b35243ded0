package io.raqib.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.raqib.core.health.ServiceHealth;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code GET /health/live} and {@code /health/ready} (open, no token) over the services of this process: 200 when
 * every service is live (ready), 503 otherwise; the body names each service's components and their state.
 * {@code /healthz} is kept as an alias of {@code /health/live}.
 */
public final class HealthEndpoints implements Consumer<RoutesConfig> {

    /** The liveness probe: fails only when a part died and the process should be restarted. */
    public static final String LIVE = "/health/live";
    /** The readiness probe: passes once every part does its job. */
    public static final String READY = "/health/ready";

    /** The answer of a probe: whether it passed, and each service's components. */
    record Report(String status, boolean live, boolean ready, List<ServiceHealth> services) {
    }

    private final List<Supplier<ServiceHealth>> services;

    /** Probes over {@code services}, each asked for its health on every request. */
    public HealthEndpoints(List<Supplier<ServiceHealth>> services) {
        this.services = List.copyOf(services);
    }

    @Override
    public void accept(RoutesConfig routes) {
        routes.get(LIVE, ctx -> answer(ctx, ServiceHealth::live));
        routes.get("/healthz", ctx -> answer(ctx, ServiceHealth::live));
        routes.get(READY, ctx -> answer(ctx, ServiceHealth::ready));
    }

    private void answer(Context ctx, Predicate<ServiceHealth> probe) {
        List<ServiceHealth> now = services.stream().map(Supplier::get).toList();
        boolean passed = now.stream().allMatch(probe);
        boolean live = now.stream().allMatch(ServiceHealth::live);
        boolean ready = now.stream().allMatch(ServiceHealth::ready);
        ctx.status(passed ? 200 : 503).json(new Report(passed ? "UP" : "DOWN", live, ready, now));
    }
}
