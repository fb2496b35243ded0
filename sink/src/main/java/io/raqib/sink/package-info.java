/**
 * The sink stage's entry points: {@link io.raqib.sink.SinkService} runs the stage (watches, matching topology,
 * webhook delivery), {@link io.raqib.sink.SinkTopology} is its Kafka Streams topology, and
 * {@link io.raqib.sink.WatchReplay} runs one watch through the same matcher and gate over stored articles.
 */
package io.raqib.sink;
