package io.raqib.app;

import io.raqib.core.model.Watch;
import io.raqib.sink.api.ApiCaller;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code raqib token}: issues an API token and the hashed {@code raqib.api.tokens} entry that accepts it. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Make a new API token for a desk (its watches and their alerts) or for an operator (everything).",
            "Prints the token (shown this once: give it to its holder) and the raqib.api.tokens entry to add to the "
                + "services' configuration, which holds only the token's SHA-256."})
public final class TokenCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1")
    Holder holder;

    @Spec
    CommandSpec spec;

    /** Whose token it is: exactly one of a desk or the operators. */
    static final class Holder {
        @Option(names = "--desk", paramLabel = "DESK", required = true,
                description = "The desk the token is for (lower-case letters, digits, '.', '_', '-').")
        String desk;

        @Option(names = "--admin", required = true, description = "An operator's token: every desk and endpoint.")
        boolean admin;
    }

    @Override
    public Integer call() {
        if (holder.desk != null && !Watch.DESK_NAME.matcher(holder.desk).matches()) {
            throw new ParameterException(spec.commandLine(), "--desk '" + holder.desk
                    + "': use lower-case letters, digits, '.', '_' and '-', at most 100, as a watch's desk");
        }
        ApiCaller caller = holder.admin ? ApiCaller.ADMIN : ApiCaller.ofDesk(holder.desk);
        String token = ApiTokens.generate();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("token: " + token);
        out.println("raqib.api.tokens entry: " + ApiTokens.entryFor(caller, token));
        return 0;
    }
}
