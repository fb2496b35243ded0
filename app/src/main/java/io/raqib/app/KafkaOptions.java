package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the services that talk to an external Kafka cluster. */
public final class KafkaOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file (raqib.bootstrap.servers=…, Kafka client settings as kafka.<name>=…); "
                    + "RAQIB_* environment variables (RAQIB_KAFKA_<NAME> for kafka.<name>) override it.")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (overrides RAQIB_BOOTSTRAP_SERVERS and the config file).")
    String bootstrapServers;

    /** The effective configuration: file, then environment, then these options. */
    public RaqibConfig config(Map<String, String> extraOverrides) {
        Map<String, String> overrides = new HashMap<>(extraOverrides);
        if (bootstrapServers != null) {
            overrides.put(RaqibConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return RaqibConfig.load(configFile, overrides);
    }
}
