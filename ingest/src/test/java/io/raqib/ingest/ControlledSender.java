package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A sender standing in for the broker: it acknowledges, refuses or holds sends as the test says. */
public final class ControlledSender implements ArticleIntake.Sender {

    /**
     * What the "broker" does with the next sends: LATER acknowledges 20 ms later from another thread, REFUSE fails
     * them as an outage would, REJECT refuses each article for itself (as a record too large), HOLD keeps them open.
     */
    public enum Mode { ACKNOWLEDGE, LATER, REFUSE, REJECT, HOLD }

    private record Held(Article article, CompletableFuture<Object> ack) {
    }

    private final List<Article> attempts = new CopyOnWriteArrayList<>();
    private final List<Article> stored = new CopyOnWriteArrayList<>();
    private final List<Held> held = new ArrayList<>();
    private volatile Mode mode = Mode.ACKNOWLEDGE;

    @Override
    public CompletableFuture<?> send(Article article) {
        attempts.add(article);
        CompletableFuture<Object> ack = new CompletableFuture<>();
        switch (mode) {
            case ACKNOWLEDGE -> acknowledge(new Held(article, ack));
            case LATER -> CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS)
                    .execute(() -> acknowledge(new Held(article, ack)));
            case REFUSE -> refuse(new Held(article, ack));
            case REJECT -> ack.completeExceptionally(new ArticleRefusedException("Kafka refused the article: too large",
                    null));
            case HOLD -> {
                synchronized (held) {
                    held.add(new Held(article, ack));
                }
            }
        }
        return ack;
    }

    /** Sets what happens to the following sends. */
    public void mode(Mode next) {
        mode = next;
    }

    /** Acknowledges every held send. */
    public void releaseHeld() {
        takeHeld().forEach(this::acknowledge);
    }

    /** Refuses every held send. */
    public void failHeld() {
        takeHeld().forEach(ControlledSender::refuse);
    }

    /** Every article handed to the sender, acknowledged or not. */
    public List<Article> attempts() {
        return attempts;
    }

    /** The articles acknowledged ("on the topic"). */
    public List<Article> stored() {
        return stored;
    }

    private List<Held> takeHeld() {
        synchronized (held) {
            List<Held> taken = List.copyOf(held);
            held.clear();
            return taken;
        }
    }

    private static void refuse(Held send) {
        send.ack().completeExceptionally(new IllegalStateException("broker unreachable"));
    }

    private void acknowledge(Held send) {
        stored.add(send.article());
        send.ack().complete(send.article().id());
    }
}
