package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.sink.api.ApiCaller;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code raqib token}: the printed entry accepts the printed token, for the right caller, and holds only its hash. */
class TokenCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void aDeskTokenAndTheEntryThatAcceptsIt() {
        int exit = RaqibCli.run("token", "--desk", "levant");

        List<String> lines = console.out().lines().toList();
        assertThat(exit).isZero();
        assertThat(lines).hasSize(2);
        String token = lines.get(0).replace("token: ", "");
        String entry = lines.get(1).replace("raqib.api.tokens entry: ", "");
        assertThat(token).matches("[0-9a-f]{32}");
        assertThat(entry).startsWith("desk:levant:").doesNotContain(token);
        assertThat(ApiTokens.parse(List.of(entry)).caller(token)).contains(ApiCaller.ofDesk("levant"));
    }

    @Test
    void anAdminToken() {
        int exit = RaqibCli.run("token", "--admin");

        List<String> lines = console.out().lines().toList();
        assertThat(exit).isZero();
        String entry = lines.get(1).replace("raqib.api.tokens entry: ", "");
        assertThat(entry).startsWith("admin:");
        assertThat(ApiTokens.parse(List.of(entry)).caller(lines.get(0).replace("token: ", "")))
                .contains(ApiCaller.ADMIN);
    }

    @Test
    void aDeskNameNoWatchCouldHaveOrNoHolderIsAUsageError() {
        assertThat(RaqibCli.run("token", "--desk", "Levant Desk")).isEqualTo(2);
        assertThat(console.err()).contains("--desk 'Levant Desk'");
        assertThat(RaqibCli.run("token")).isEqualTo(2);
        assertThat(RaqibCli.run("token", "--admin", "--desk", "levant")).isEqualTo(2);
        assertThat(console.out()).doesNotContain("token:");
    }
}
