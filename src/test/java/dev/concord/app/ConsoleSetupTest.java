package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.ui.common.Theme;
import dev.concord.ui.common.WindowBounds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSetupTest {
    @TempDir
    Path home;

    @Test
    void aDemoUserWithoutATokenSignsInWithTheDemoTokenOnTheDefaultServer() {
        ConsoleSetup setup = ConsoleSetup.resolve("bob", null, null, null, home);

        assertThat(setup.token()).isEqualTo("demo-bob");
        assertThat(setup.server()).isEqualTo("http://127.0.0.1:8787");
        assertThat(setup.theme()).isEqualTo(Theme.LIGHT);
        assertThat(setup.userDir()).isEqualTo(home.resolve("bob"));
    }

    @Test
    void settingsAreRememberedPerUserAndOptionsWinOverThem() {
        ConsoleSetup.resolve("alice", "http://127.0.0.1:9999", "secret-token", "dark", home).remember();

        ConsoleSetup again = ConsoleSetup.resolve("alice", null, null, null, home);
        assertThat(again.server()).isEqualTo("http://127.0.0.1:9999");
        assertThat(again.token()).isEqualTo("secret-token");
        assertThat(again.theme()).isEqualTo(Theme.DARK);

        ConsoleSetup overridden = ConsoleSetup.resolve("alice", null, null, "light", home);
        assertThat(overridden.theme()).isEqualTo(Theme.LIGHT);
        assertThat(ConsoleSetup.resolve("bob", null, null, null, home).token())
                .as("another user's settings are separate").isEqualTo("demo-bob");
    }

    @Test
    void aThemeChosenInTheWindowIsSavedForNextTime() {
        ConsoleSetup setup = ConsoleSetup.resolve("viewer", null, null, null, home);

        setup.rememberTheme(Theme.DARK);

        assertThat(ConsoleSetup.resolve("viewer", null, null, null, home).theme()).isEqualTo(Theme.DARK);
        assertThat(Files.exists(home.resolve("viewer").resolve("settings.json"))).isTrue();
    }

    @Test
    void highContrastAndTheTextSizeAreSavedForNextTime() {
        ConsoleSetup setup = ConsoleSetup.resolve("viewer", null, null, null, home);
        assertThat(setup.textSize()).isEqualTo(100);

        setup.rememberAppearance(Theme.HIGH_CONTRAST, 150);

        ConsoleSetup next = ConsoleSetup.resolve("viewer", null, null, null, home);
        assertThat(next.theme()).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(next.textSize()).isEqualTo(150);
        assertThat(ConsoleSetup.resolve("viewer", null, null, "high-contrast", home).theme()).isEqualTo(Theme.HIGH_CONTRAST);
    }

    @Test
    void theWindowsPlaceIsRememberedAndChoosingAThemeOrLanguageKeepsIt() {
        ConsoleSetup setup = ConsoleSetup.resolve("viewer", null, null, null, home);
        assertThat(setup.savedWindow()).as("nothing the first time").isNull();
        WindowBounds left = new WindowBounds(300, 200, 1102, 725, true);

        setup.rememberWindow(left);
        setup.rememberAppearance(Theme.DARK, 125);
        setup.rememberLanguage(dev.concord.i18n.Language.GERMAN);

        assertThat(ConsoleSetup.resolve("viewer", null, null, null, home).savedWindow()).isEqualTo(left);
    }

    @Test
    void anUnknownUserWithoutATokenIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> ConsoleSetup.resolve("mallory", null, null, null, home))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no token for the user \u2018mallory\u2019: give one in CONCORD_TOKEN or with "
                        + "--token-file FILE, or use one of the demo users alice, bob, billing, admin, viewer");
    }

    @Test
    void badServerUrlAndThemeAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> ConsoleSetup.resolve("alice", "localhost:8787", null, null, home))
                .hasMessageContaining("--server must be an http(s) URL");
        assertThatThrownBy(() -> ConsoleSetup.resolve("alice", null, null, "blue", home))
                .hasMessage("--theme must be light, dark or high-contrast; got \u2018blue\u2019");
        assertThatThrownBy(() -> ConsoleSetup.resolve("../etc", null, null, null, home))
                .hasMessageContaining("--user must be a short name");
    }

    @Test
    void anUnreadableSettingsFileIsIgnoredNotFatal() throws Exception {
        Files.createDirectories(home.resolve("alice"));
        Files.writeString(home.resolve("alice").resolve("settings.json"), "{not json");

        assertThat(ConsoleSetup.resolve("alice", null, null, null, home).token()).isEqualTo("demo-alice");
    }

    @Test
    void theCommandLineRefusesBadOptionsWithoutOpeningAWindow() {
        assertThat(ConsoleCommand.run(new String[] {"console", "--theme", "blue", "--user", "alice"})).isEqualTo(2);
        assertThat(ConsoleCommand.run(new String[] {"--no-such-option"})).isEqualTo(2);
    }
}
