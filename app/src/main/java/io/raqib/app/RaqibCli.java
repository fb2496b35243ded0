package io.raqib.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code raqib} command line. */
@Command(name = "raqib", mixinStandardHelpOptions = true, version = "raqib 0.1.0",
        description = "Raqib (رقيب): an event-streaming media monitor on Apache Kafka.",
        subcommands = {DemoCommand.class, MatchCommand.class, IngestCommand.class, ImportCommand.class,
            FeedsCommand.class, EnrichCommand.class, EnrichFileCommand.class,
            SinkCommand.class, WatchesCommand.class, ReplayCommand.class, BenchCommand.class, AnalyzeCommand.class,
            TokenCommand.class, BrokerCommand.class, CommandLine.HelpCommand.class})
public final class RaqibCli {

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new RaqibCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + describe(e));
                    return 1;
                })
                .execute(args);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
