/**
 * Watches as the sink keeps them: validated and compiled ({@link io.raqib.sink.watches.WatchQueryParser}), held in
 * the live {@link io.raqib.sink.watches.WatchRegistry}, stored on and followed from the {@code raqib.watches}
 * topic, read from watches files, and admitted or refused with a reason.
 */
package io.raqib.sink.watches;
