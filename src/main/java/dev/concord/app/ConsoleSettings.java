package dev.concord.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the console remembers between runs; null means "not set". Secrets are not among them: tokens go to
 * the secret store. {@code token} is only read, from files written by versions that kept it here, and
 * moved to the secret store.
 *
 * @param mode how the installed console connected last: {@code sign-in} or {@code token}
 * @param language the language the agent chose in View -> Language ({@code de}); null follows the system
 * @param textSize the text size in percent of the theme's (Ctrl+Plus / Ctrl+Minus)
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
                       @JsonProperty("textSize") Integer textSize) {
    ConsoleSettings(String server, String token, String theme) {
        this(server, token, theme, null, null, null, null, null);
    }

    static ConsoleSettings none() {
        return new ConsoleSettings(null, null, null);
    }

    ConsoleSettings withoutToken() {
        return new ConsoleSettings(server, null, theme, issuer, clientId, mode, language, textSize);
    }

    ConsoleSettings withConnection(String newServer, String newMode) {
        return new ConsoleSettings(newServer, null, theme, issuer, clientId, newMode, language, textSize);
    }

    ConsoleSettings withTheme(String newTheme) {
        return new ConsoleSettings(server, null, newTheme, issuer, clientId, mode, language, textSize);
    }

    ConsoleSettings withLanguage(String newLanguage) {
        return new ConsoleSettings(server, null, theme, issuer, clientId, mode, newLanguage, textSize);
    }

    ConsoleSettings withAppearance(String newTheme, int newTextSize) {
        return new ConsoleSettings(server, null, newTheme, issuer, clientId, mode, language, newTextSize);
    }
}
