package dev.concord.app;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the desktop recognises the console's windows: the X11 window class {@value #WM_CLASS} (the desktop
 * entry's StartupWMClass, so taskbars group the window under the menu entry) and the Concord icon.
 */
final class WindowIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(WindowIdentity.class);
    /** Must equal StartupWMClass in packaging/concord.desktop. */
    static final String WM_CLASS = "concord";
    private static final List<Integer> ICON_SIZES = List.of(16, 32, 48, 64, 128, 256);

    private WindowIdentity() {
    }

    /**
     * Names the application before its first window exists; must run on the FX thread. JavaFX's GTK glass
     * gives each window the WM_CLASS of its application name, which is "java" unless an Application
     * subclass is launched (then its class name). There is no public API for it, so this reaches
     * com.sun.glass.ui.Application, exported to us by console-jvm.options; without the export the window
     * keeps "java" and a debug line says why.
     */
    static void nameApplication() {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object app = glass.getMethod("GetApplication").invoke(null);
            Method setName = glass.getMethod("setName", String.class);
            setName.invoke(app, WM_CLASS);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("window class stays the JavaFX default: {}", e.toString());
        }
    }

    static void setIcons(Stage stage) {
        for (int size : ICON_SIZES) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    WindowIdentity.class.getResource("icons/concord-" + size + ".png"), "icon " + size).toExternalForm()));
        }
    }
}
