package io.raqib.app;

import io.javalin.config.RoutesConfig;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.api.AlertStateApi;
import io.raqib.sink.api.AlertTopicHistory;
import io.raqib.sink.api.HistoryApi;
import io.raqib.sink.api.WatchApi;
import io.raqib.sink.history.AlertHistoryService;
import io.raqib.sink.states.AlertStates;
import io.raqib.sink.watches.RecentArticles;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchRegistry;
import io.raqib.sink.watches.WatchStore;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an API process serves analysts beside a sink's registry, started together and closed in reverse: the watch
 * store, the live console, the alert states, the alert history and the recent articles, with their routes and
 * their health. The {@code sink} and {@code demo} commands both run it.
 */
final class AnalystServices implements AutoCloseable {

    private final WatchStore store;
    private final AlertConsole console;
    private final AlertStates states;
    private final AlertHistoryService history;
    private final RecentArticles recent;
    private final Function<Article, EnrichedArticle> enricher;
    private final RaqibConfig config;

    /** Starts the services over {@code registry}; {@code enricher} turns a test text into what watches see. */
    AnalystServices(RaqibConfig config, KafkaClients clients, WatchRegistry registry,
                    Function<Article, EnrichedArticle> enricher) throws IOException, InterruptedException {
        this.config = config;
        this.enricher = enricher;
        store = new WatchStore(clients, registry, new WatchAdmission(config.sink()));
        try {
            console = new AlertConsole(store::get, new AlertTopicHistory(clients),
                    config.sink().history().maxResumes());
            states = new AlertStates(clients, console::acceptState).start();
            history = new AlertHistoryService(clients, config.sink().history().dirUnder(config.stateDir()),
                    config.sink().history().retention(), store::get).start();
            recent = new RecentArticles(clients, config.sink().watchLimits()).start();
        } catch (IOException | RuntimeException e) {
            closeStarted();
            throw e;
        }
    }

    /** The console, to feed with the events of {@code raqib.alerts}. */
    AlertConsole console() {
        return console;
    }

    /** The routes: watches (with test-recent), the console, alert states, the history. */
    List<Consumer<RoutesConfig>> routes() {
        return List.of(new WatchApi(store, enricher, recent), console,
                new AlertStateApi(store::get, List.of(console::subjectOf, history.index()::subjectOf), states),
                new HistoryApi(history.index(), config.sink().history().maxExports()));
    }

    /** Their health: the API part (states, recent articles) and the history. */
    List<Supplier<ServiceHealth>> health() {
        return List.of(() -> ServiceHealth.of("api", states.health(), recent.health()), history::health);
    }

    /** Why the alert states stopped following their topic, or null. */
    Throwable failure() {
        return states.failure();
    }

    /** Closes what was started, last first (in the constructor, some may not be yet). */
    private void closeStarted() throws IOException, InterruptedException {
        if (recent != null) {
            recent.close();
        }
        if (history != null) {
            history.close();
        }
        if (states != null) {
            states.close();
        }
        if (console != null) {
            console.close();
        }
        store.close();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closeStarted();
    }
}
