package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokens file read again while the server runs: a bad edit or a missing file never locks everyone out. */
class TokensFileWatcherTest {
    @TempDir
    Path dir;

    @Test
    void aChangedFileReplacesTheTokensAndOneThatCannotBeUsedKeepsTheOldOnes() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, ServerAdmin.tokensFileLine("t-alice", "alice", "agent") + "\n");
        ServerConfig config = ServerConfig.demoInMemory().withTokensFile(file).withDemo(false);
        TokenStore live = TokenStore.of(config);
        List<Set<String>> revoked = new ArrayList<>();
        TokensFileWatcher watcher = new TokensFileWatcher(config, live, revoked::add);
        assertThat(watcher.checkNow()).as("unchanged").isFalse();

        Files.writeString(file, ServerAdmin.tokensFileLine("t-bob", "bob", "admin") + "\n");
        assertThat(watcher.checkNow()).isTrue();
        assertThat(live.authenticate("t-alice")).isEmpty();
        assertThat(live.authenticate("t-bob")).map(TokenStore.Principal::actor).contains("bob");
        assertThat(revoked).containsExactly(Set.of("alice"));

        Files.writeString(file, "not a tokens line, typed by hand\n");
        assertThat(watcher.checkNow()).isFalse();
        assertThat(live.authenticate("t-bob")).as("kept after a bad edit").isPresent();

        Files.delete(file);
        assertThat(watcher.checkNow()).isFalse();
        assertThat(live.authenticate("t-bob")).as("kept while the file is gone").isPresent();

        Files.writeString(file, ServerAdmin.tokensFileLine("t-alice", "alice", "agent") + "\n");
        assertThat(watcher.checkNow()).isTrue();
        assertThat(live.authenticate("t-alice")).isPresent();
        assertThat(live.authenticate("t-bob")).isEmpty();
    }

    @Test
    void inDemoModeTheDemoTokensStayBesideTheFile() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "");
        ServerConfig config = ServerConfig.demoInMemory().withTokensFile(file);
        TokenStore live = TokenStore.of(config);
        List<Set<String>> revoked = new ArrayList<>();
        TokensFileWatcher watcher = new TokensFileWatcher(config, live, revoked::add);

        Files.writeString(file, ServerAdmin.tokensFileLine("t-carol", "carol", "agent") + "\n");
        assertThat(watcher.checkNow()).isTrue();

        assertThat(live.authenticate("t-carol")).isPresent();
        assertThat(live.authenticate("demo-alice")).isPresent();
        assertThat(revoked).as("nothing was taken away").isEmpty();
    }
}
