package dev.concord.wording;

import static dev.concord.i18n.Localization.lang;

import dev.concord.auth.SignInException;

/** Why a sign-in did not work, from its {@link SignInException.Reason}; never the exception's (English) message. */
public final class SignInWords {
    private SignInWords() {
    }

    /** A whole sentence, naming the identity provider where it matters. */
    public static String of(SignInException e) {
        String issuer = e.issuer() == null ? "" : e.issuer();
        return switch (e.reason()) {
            case NOT_SET_UP -> lang("connect.notSetUp", e.detail());
            case PROVIDER_SETTINGS_UNREADABLE -> lang("signIn.providerSettings", issuer);
            case PROVIDER_UNREACHABLE -> lang("signIn.providerUnreachable", issuer);
            case PROVIDER_REFUSED -> "access_denied".equals(e.detail()) ? lang("signIn.declined", issuer)
                    : lang("signIn.providerRefused", issuer, String.valueOf(e.detail()));
            case PROVIDER_ANSWER_UNREADABLE -> lang("signIn.unreadableAnswer", issuer);
            case SIGN_IN_ENDED -> lang("signIn.ended");
            case STATE_MISMATCH -> lang("signIn.stateMismatch");
            case TIMED_OUT -> lang("signIn.timedOut", minutes(e.detail()));
            case INTERRUPTED -> lang("signIn.interrupted");
            case PAGE_NOT_OPENED -> lang("signIn.pageNotOpened");
        };
    }

    private static long minutes(String detail) {
        try {
            return Long.parseLong(detail);
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
