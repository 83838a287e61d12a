package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed console's configuration layers, each over the one before: the administrator's
 * console.conf &lt; the user's console.json &lt; the environment &lt; the command line.
 */
class ConsoleConfTest {
    @TempDir
    Path dir;

    private Path systemFile() throws IOException {
        Path file = dir.resolve("console.conf");
        Files.writeString(file, """
                # deployed by IT
                server = https://concord.example.com
                issuer = https://login.example.com/realms/support
                client-id = concord-console
                """);
        return file;
    }

    @Test
    void theAdministratorsFileAloneSetsEverythingAndSaysSo() throws IOException {
        ConsoleConf conf = ConsoleConf.resolve(systemFile(), ConsoleSettings.none(), Map.of(), null, null, null);

        assertThat(conf.server()).isEqualTo("https://concord.example.com");
        assertThat(conf.issuer()).isEqualTo("https://login.example.com/realms/support");
        assertThat(conf.clientId()).isEqualTo("concord-console");
        assertThat(conf.signInConfigured()).isTrue();
        assertThat(conf.sources()).containsEntry("server", systemFile().toString());
    }

    @Test
    void eachLayerWinsOverTheOnesBelowItValueByValue() throws IOException {
        // As the console saved it (read back from the file, so the test does not care what else it holds).
        Path saved = dir.resolve("console.json");
        Files.writeString(saved, """
                {"server": "https://user.example.com", "issuer": "https://user-idp.example.com", "mode": "sign-in"}
                """);
        ConsoleSettings user = new SettingsFile(saved).load();
        Path system = systemFile();

        ConsoleConf userOverSystem = ConsoleConf.resolve(system, user, Map.of(), null, null, null);
        assertThat(userOverSystem.server()).isEqualTo("https://user.example.com");
        assertThat(userOverSystem.issuer()).isEqualTo("https://user-idp.example.com");
        assertThat(userOverSystem.clientId()).as("not set by the user: the admin's").isEqualTo("concord-console");
        assertThat(userOverSystem.sources()).containsEntry("server", "your settings")
                .containsEntry("client id", system.toString());

        Map<String, String> env = Map.of("CONCORD_SERVER", "https://env.example.com", "CONCORD_CLIENT_ID", "from-env");
        ConsoleConf envOverUser = ConsoleConf.resolve(system, user, env, null, null, null);
        assertThat(envOverUser.server()).isEqualTo("https://env.example.com");
        assertThat(envOverUser.clientId()).isEqualTo("from-env");
        assertThat(envOverUser.issuer()).isEqualTo("https://user-idp.example.com");
        assertThat(envOverUser.sources()).containsEntry("server", "CONCORD_SERVER");

        ConsoleConf optionOverAll = ConsoleConf.resolve(system, user, env, "https://option.example.com", null, "from-option");
        assertThat(optionOverAll.server()).isEqualTo("https://option.example.com");
        assertThat(optionOverAll.clientId()).isEqualTo("from-option");
        assertThat(optionOverAll.sources()).containsEntry("server", "--server").containsEntry("client id", "--client-id");
    }

    @Test
    void blankValuesDoNotHideALowerLayerAndAMissingOrOddFileIsNoError() throws IOException {
        Map<String, String> env = Map.of("CONCORD_SERVER", "  ");
        ConsoleConf blankEnv = ConsoleConf.resolve(systemFile(), ConsoleSettings.none(), env, null, null, null);
        assertThat(blankEnv.server()).isEqualTo("https://concord.example.com");

        ConsoleConf nothing = ConsoleConf.resolve(dir.resolve("absent.conf"), ConsoleSettings.none(), Map.of(), null, null, null);
        assertThat(nothing.server()).isNull();
        assertThat(nothing.signInConfigured()).isFalse();

        Path odd = dir.resolve("odd.conf");
        Files.writeString(odd, "sever = typo\nissuer = https://idp.example.com\n");
        ConsoleConf typo = ConsoleConf.resolve(odd, ConsoleSettings.none(), Map.of(), null, null, null);
        assertThat(typo.server()).as("an unknown key is ignored (and warned about)").isNull();
        assertThat(typo.issuer()).isEqualTo("https://idp.example.com");
        assertThat(typo.signInConfigured()).as("no client id").isFalse();
    }
}
