package io.raqib.core.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Stream;

/**
 * The health of a service as the sum of its parts: live while no part is down, ready when every part is up.
 *
 * @param service    the service's name ({@code ingest}, {@code enrich}, {@code sink})
 * @param components its parts, in a stable order
 */
public record ServiceHealth(String service, List<ComponentHealth> components) {

    public ServiceHealth {
        components = List.copyOf(components);
    }

    /** The health of {@code service} made of {@code components}. */
    public static ServiceHealth of(String service, ComponentHealth... components) {
        return new ServiceHealth(service, List.of(components));
    }

    /** Whether no part is down. */
    @JsonProperty("live")
    public boolean live() {
        return components.stream().allMatch(ComponentHealth::live);
    }

    /** Whether every part is up. */
    @JsonProperty("ready")
    public boolean ready() {
        return components.stream().allMatch(ComponentHealth::ready);
    }

    /** The same service with {@code more} parts after its own. */
    public ServiceHealth with(List<ComponentHealth> more) {
        return new ServiceHealth(service, Stream.concat(components.stream(), more.stream()).toList());
    }
}
