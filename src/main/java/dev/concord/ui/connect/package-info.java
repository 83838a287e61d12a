/** The Connect screen of a fresh installation: server URL, sign in, use a token, or try with demo data. */
package dev.concord.ui.connect;
