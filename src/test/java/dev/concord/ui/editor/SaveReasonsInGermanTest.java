package dev.concord.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.AuthException;
import dev.concord.domain.Entity;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.Reason;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.RetryPolicy;
import dev.concord.testing.FakeConcordApi;
import dev.concord.testing.InLanguage;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.inbox.ConflictSummary;
import dev.concord.ui.testing.Records;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a save did not happen, as a German agent reads it: sync hands over a reason code, the console words it
 * from the bundles, and never shows the client's or the server's English (which stays in the log), also for a
 * pending edit read back from the store, and for one an earlier version stored as an English sentence.
 */
@InLanguage("de")
class SaveReasonsInGermanTest {
    @TempDir
    Path dir;

    private final Entity base = Records.subscription("sub_1", 7);
    private FakeConcordApi server;
    private ConflictStore store;
    private EditorViewModel editor;

    @BeforeEach
    void setUp() {
        server = new FakeConcordApi("alice", base);
        store = new ConflictStore(dir.resolve("conflicts.json"));
        RetryCoordinator coordinator = new RetryCoordinator(server.clientFor("alice"), store, RetryPolicy.defaults(),
                Clock.fixed(Records.T0, ZoneOffset.UTC), wait -> { }, () -> 0L);
        editor = new EditorViewModel(base, coordinator::save, new CurrentThreadTaskExecutor(), conflict -> { });
    }

    @SuppressWarnings("unchecked")
    private void editNotesAndSave() {
        ((FieldModel<String>) editor.field("notes").orElseThrow()).inputProperty().set("Rückruf am Dienstag");
        editor.save();
    }

    @Test
    void anUnreachableServerIsWordedAndSoIsThePendingEditItLeaves() {
        server.setReachable(false);

        editNotesAndSave();

        assertThat(editor.getNotice()).isEqualTo("Noch nicht gespeichert: der Server ist nicht erreichbar. Ihre Änderung "
                + "bleibt erhalten; Sie können sie auf der Registerkarte „Konflikte“ erneut senden.");
        // Read back from the file, as the inbox shows it after a restart.
        var kept = new ConflictStore(store.file()).pending();
        assertThat(kept).singleElement().satisfies(p -> {
            assertThat(p.lastError().code()).isEqualTo(Reason.Code.UNREACHABLE);
            assertThat(ConflictSummary.of(p).when()).endsWith(": der Server ist nicht erreichbar");
        });
    }

    @Test
    void aRefusalIsWordedFromTheServersCodeNotItsSentence() {
        server.script(new FakeConcordApi.Fail(new AuthException(403, "FORBIDDEN", "Viewers cannot edit")));

        editNotesAndSave();

        assertThat(editor.getNotice()).isEqualTo("Nicht gespeichert: dazu sind Sie nicht berechtigt")
                .doesNotContain("Viewers");
    }

    @Test
    void aPendingEditAnEarlierVersionKeptWithAnEnglishSentenceLoadsAndReadsAsAGeneralReason() throws Exception {
        server.setReachable(false);
        editNotesAndSave();
        // An earlier Concord wrote only "lastError", an English sentence, and no reason codes.
        Path file = store.file();
        String json = Files.readString(file, StandardCharsets.UTF_8);
        String earlier = json.replaceAll("(?s),\\s*\"reason\"\\s*:\\s*\\{[^}]*\\}", "")
                .replaceAll("\"lastError\"\\s*:\\s*\"[^\"]*\"", "\"lastError\" : \"Cannot reach the server at http://x.\"");
        assertThat(earlier).doesNotContain("\"reason\"").contains("Cannot reach the server at");
        Files.writeString(file, earlier, StandardCharsets.UTF_8);

        var kept = new ConflictStore(file).pending();

        assertThat(kept).singleElement().satisfies(p -> {
            assertThat(p.lastError().code()).isEqualTo(Reason.Code.EARLIER);
            assertThat(ConflictSummary.of(p).when()).endsWith(": der letzte Versuch ist nicht gelungen")
                    .doesNotContain("Cannot reach");
        });
    }
}
