package dev.concord.auth;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Opens the sign-in page in the person's own browser (RFC 8252: never an embedded web view): xdg-open on
 * Linux, open on macOS, the shell on Windows. Where none starts, the message carries the address to open by hand.
 */
public final class SystemBrowser implements Browser {
    @Override
    public void open(URI page) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<List<String>> commands = os.contains("mac") ? List.of(List.of("open", page.toString()))
                : os.contains("win") ? List.of(List.of("rundll32", "url.dll,FileProtocolHandler", page.toString()))
                : List.of(List.of("xdg-open", page.toString()), List.of("gio", "open", page.toString()),
                List.of("sensible-browser", page.toString()));
        for (List<String> command : commands) {
            try {
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return;
            } catch (IOException e) {
                // Not installed here; try the next.
            }
        }
        throw new IOException("no web browser could be started; open this address yourself: " + page);
    }
}
