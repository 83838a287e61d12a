/**
 * The agent's words for what the layers below report as codes: why a save, create or retire did not happen
 * ({@link dev.concord.sync.Reason}) and why a sign-in failed ({@link dev.concord.auth.SignInException.Reason}).
 * Shared by the console (ui) and the command line (cli), which may not depend on each other; sync and auth
 * stay free of the bundles (their own messages are English, for the log).
 */
package dev.concord.wording;
