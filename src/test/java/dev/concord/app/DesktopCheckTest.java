package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a display or GTK 3 the console says in one line what to do, instead of a JavaFX stack trace. */
class DesktopCheckTest {
    @TempDir
    Path libs;

    @Test
    void noDisplayIsNamed() {
        assertThat(DesktopCheck.problem(Map.of(), List.of(libs))).get().asString()
                .contains("no display").doesNotContain("\n");
    }

    @Test
    void missingGtkNamesThePackageToInstall() {
        assertThat(DesktopCheck.problem(Map.of("DISPLAY", ":0"), List.of(libs))).get().asString()
                .contains("apt-get install libgtk-3-0").doesNotContain("\n");
    }

    @Test
    void displayAndGtkPass() throws Exception {
        Files.createFile(libs.resolve(DesktopCheck.GTK_LIBRARY));
        assertThat(DesktopCheck.problem(Map.of("WAYLAND_DISPLAY", "wayland-0"), List.of(libs))).isEmpty();
    }
}
