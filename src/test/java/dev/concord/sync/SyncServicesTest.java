package dev.concord.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncServicesTest {
    @TempDir
    Path home;

    @Test
    void demoTokensNameTheirUserAndOtherTokensNeverAppearOnDisk() {
        assertThat(SyncServices.userFolderName("demo-alice")).isEqualTo("alice");
        assertThat(SyncServices.userFolderName("demo-billing")).isEqualTo("billing");
        String folder = SyncServices.userFolderName("s3cr3t-token/../x");
        assertThat(folder).matches("user-[0-9a-f]{12}").doesNotContain("s3cr3t");
        assertThat(SyncServices.userFolderName("s3cr3t-token/../x")).isEqualTo(folder);
    }

    @Test
    void wiresAStoreUnderTheUsersFolder() {
        SyncServices services = SyncServices.forUser("http://127.0.0.1:1", "demo-bob", home);
        assertThat(services.user()).isEqualTo("bob");
        assertThat(services.store().file()).isEqualTo(home.resolve("bob/conflicts.json").toAbsolutePath());
        assertThat(services.coordinator().store()).isSameAs(services.store());
        assertThat(services.coordinator().api()).isSameAs(services.api());
    }
}
