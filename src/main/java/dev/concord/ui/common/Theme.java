package dev.concord.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import javafx.application.Application;

/** The console's two looks (AtlantaFX Primer); applies to every window of the process. */
public enum Theme {
    LIGHT, DARK;

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code light} or {@code dark}; anything else is refused with a message naming the choices. */
    public static Theme fromSetting(String value) {
        for (Theme t : values()) {
            if (t.settingName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("theme must be light or dark, not '" + value + "'");
    }
}
