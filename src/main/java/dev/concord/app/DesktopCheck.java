package dev.concord.app;

import static dev.concord.i18n.Localization.lang;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the console needs from a Linux desktop before JavaFX is asked: a display, and GTK 3 (JavaFX's
 * window toolkit, loaded from inside its jars, so no package manager saw the need). Without them JavaFX
 * fails with a stack trace; this says in one line what to do instead.
 */
final class DesktopCheck {
    /** Library folders of Debian/Ubuntu (multiarch), Fedora and others. */
    private static final List<String> LIB_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            "/usr/local/lib");
    static final String GTK_LIBRARY = "libgtk-3.so.0";

    private DesktopCheck() {
    }

    /** The one line to print when the console cannot open a window here; empty when it can (or when not on Linux). */
    static Optional<String> problem() {
        String glass = System.getProperty("glass.platform", "");
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || "monocle".equalsIgnoreCase(glass)) {
            return Optional.empty();
        }
        return problem(System.getenv(), libraryDirs(System.getenv("LD_LIBRARY_PATH")));
    }

    static Optional<String> problem(Map<String, String> env, List<Path> libraryDirs) {
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.of(lang("start.noDisplay"));
        }
        boolean gtk = libraryDirs.stream().anyMatch(dir -> Files.exists(dir.resolve(GTK_LIBRARY)));
        if (!gtk) {
            return Optional.of(lang("start.noGtk"));
        }
        return Optional.empty();
    }

    private static List<Path> libraryDirs(String ldLibraryPath) {
        List<Path> dirs = new ArrayList<>();
        if (!blank(ldLibraryPath)) {
            for (String d : ldLibraryPath.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        LIB_DIRS.forEach(d -> dirs.add(Path.of(d)));
        return dirs;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
