package dev.concord.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.concord.ui.common.WindowBounds;

/**
 * What the console remembers between runs; null means "not set". Secrets are not among them: tokens go to
 * the secret store. {@code token} is only read, from files written by versions that kept it here, and
 * moved to the secret store.
 *
 * @param mode how the installed console connected last: {@code sign-in} or {@code token}
 * @param language the language the agent chose in View -> Language ({@code de}); null follows the system
 * @param textSize the text size in percent of the theme's (Ctrl+Plus / Ctrl+Minus)
 * @param window where the console's window was when it closed last, and whether it was maximized
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record ConsoleSettings(@JsonProperty("server") String server,
                       @JsonProperty("token") String token,
                       @JsonProperty("theme") String theme,
                       @JsonProperty("issuer") String issuer,
                       @JsonProperty("clientId") String clientId,
                       @JsonProperty("mode") String mode,
                       @JsonProperty("language") String language,
                       @JsonProperty("textSize") Integer textSize,
                       @JsonProperty("window") WindowBounds window) {
    ConsoleSettings(String server, String token, String theme) {
        this(server, token, theme, null, null, null, null, null, null);
    }

    static ConsoleSettings none() {
        return new ConsoleSettings(null, null, null);
    }

    ConsoleSettings withoutToken() {
        return new ConsoleSettings(server, null, theme, issuer, clientId, mode, language, textSize, window);
    }

    ConsoleSettings withConnection(String newServer, String newMode) {
        return new ConsoleSettings(newServer, null, theme, issuer, clientId, newMode, language, textSize, window);
    }

    ConsoleSettings withTheme(String newTheme) {
        return new ConsoleSettings(server, null, newTheme, issuer, clientId, mode, language, textSize, window);
    }

    ConsoleSettings withLanguage(String newLanguage) {
        return new ConsoleSettings(server, null, theme, issuer, clientId, mode, newLanguage, textSize, window);
    }

    ConsoleSettings withWindow(WindowBounds newWindow) {
        return new ConsoleSettings(server, null, theme, issuer, clientId, mode, language, textSize, newWindow);
    }

    ConsoleSettings withAppearance(String newTheme, int newTextSize) {
        return new ConsoleSettings(server, null, newTheme, issuer, clientId, mode, language, newTextSize, window);
    }
}
