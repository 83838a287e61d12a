package dev.concord.ui.common;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/**
 * The console's looks (AtlantaFX Primer); applies to every window of the process. High contrast is Primer Dark
 * with the colours of {@code high-contrast.css} over it, which {@link Appearance} adds to every window.
 */
public enum Theme {
    LIGHT, DARK, HIGH_CONTRAST;

    public void apply() {
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }

    /** {@code light}, {@code dark} or {@code high-contrast}: the word in settings and on the command line. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code light}, {@code dark} or {@code high-contrast}; anything else is refused with a message naming the choices. */
    public static Theme fromSetting(String value) {
        String wanted = value == null ? "" : value.trim().replace('_', '-');
        for (Theme t : values()) {
            if (t.settingName().equalsIgnoreCase(wanted)) {
                return t;
            }
        }
        throw new IllegalArgumentException(lang("start.badTheme", value));
    }
}
