/**
 * From matches to alerts: the alert a match would raise, the batches that carry matches to the alert gate, and the
 * gate itself (one alert per story, throttles) with its memory in Kafka Streams stores or, offline, in maps.
 */
package io.raqib.sink.gate;
