package io.raqib.app;

import io.raqib.core.config.IngestSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.ingest.net.AddressPolicy;
import io.raqib.ingest.poll.FeedList;
import io.raqib.ingest.poll.FeedSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code raqib feeds add|list|rm}: edits the feed list that {@code raqib ingest} polls. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Edit the feed list polled by `raqib ingest` (YAML or JSON; raqib.feeds.file / "
                + "RAQIB_FEEDS_FILE, default feeds.yaml). A running ingest picks changes up within 30 s.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.ListFeeds.class, FeedsCommand.Remove.class})
public final class FeedsCommand {

    @Option(names = "--file", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The feed list file (default: raqib.feeds.file, else feeds.yaml).")
    Path file;

    FeedList list() {
        return new FeedList(file != null ? file : settings().feedsFile());
    }

    IngestSettings settings() {
        return RaqibConfig.load(null, Map.of()).ingest();
    }

    /** {@code raqib feeds add URL}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a feed (or replace one with the same URL). A URL whose host is a loopback, private, "
                    + "link-local or other non-public address, or resolves only to such, is refused unless "
                    + "raqib.feed.allow (RAQIB_FEED_ALLOW) permits it.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        FeedsCommand parent;

        @Parameters(paramLabel = "URL", description = "The feed's http(s) address.")
        String url;

        @Option(names = "--source", paramLabel = "ID", description = "Source id of its articles (default: host).")
        String source;

        @Option(names = "--language", paramLabel = "CODE", description = "Language hint, e.g. ar or en.")
        String language;

        @Option(names = "--interval", paramLabel = "DURATION", description = "Poll interval, ISO-8601 (default PT15M).")
        Duration interval;

        @Override
        public Integer call() throws Exception {
            FeedSource feed = new FeedSource(url, source, language, interval);
            String host = URI.create(feed.url().strip()).getHost();
            String refusal = host == null ? "the URL names no host"
                    : AddressPolicy.allowing(IngestSettings.FEED_ALLOW, parent.settings().feedAllow())
                            .refusalOfHost(host);
            if (refusal != null) {
                System.err.println("raqib feeds: " + feed.url() + " refused: " + refusal);
                return 1;
            }
            int count = parent.list().add(feed).size();
            System.out.printf("raqib feeds: added %s as '%s' every %s (%d feeds)%n", feed.url(), feed.source(),
                    feed.interval(), count);
            return 0;
        }
    }

    /** {@code raqib feeds list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the feeds.")
    static final class ListFeeds implements Callable<Integer> {
        @ParentCommand
        FeedsCommand parent;

        @Override
        public Integer call() throws Exception {
            List<FeedSource> feeds = parent.list().read();
            for (FeedSource f : feeds) {
                System.out.printf("%-20s %-6s %-8s %s%n", f.source(), f.language() == null ? "-" : f.language(),
                        f.interval(), f.url());
            }
            System.out.printf("raqib feeds: %d feeds%n", feeds.size());
            return 0;
        }
    }

    /** {@code raqib feeds rm URL|ID}. */
    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove feeds by URL or source id.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        FeedsCommand parent;

        @Parameters(paramLabel = "URL|ID", description = "The feed's URL or source id.")
        String key;

        @Override
        public Integer call() throws Exception {
            int removed = parent.list().remove(key);
            if (removed == 0) {
                System.err.println("raqib feeds: no feed with URL or source id '" + key + "'");
                return 1;
            }
            System.out.printf("raqib feeds: removed %d feed%s%n", removed, removed == 1 ? "" : "s");
            return 0;
        }
    }
}
