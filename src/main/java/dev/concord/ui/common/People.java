package dev.concord.ui.common;

import static dev.concord.i18n.Localization.lang;

import java.util.Locale;

/** How the console names the people behind actor ids ("bob" is shown as "Bob"). */
public final class People {
    private People() {
    }

    public static String displayName(String actor) {
        if (actor == null || actor.isBlank()) {
            return lang("people.someone");
        }
        return actor.substring(0, 1).toUpperCase(Locale.ROOT) + actor.substring(1);
    }
}
