/**
 * The console's and the command line's words and formats: {@link dev.concord.i18n.Localization} looks keys up
 * in the {@code messages} bundles (English, German, French, Spanish) and formats dates, times, relative times
 * and money for the agent's locale. Depends on nothing but the JDK and the domain.
 */
package dev.concord.i18n;
