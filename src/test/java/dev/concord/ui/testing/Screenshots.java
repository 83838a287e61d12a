package dev.concord.ui.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes a scene as a PNG. A test run writes under target/screenshots, so running the tests never changes
 * tracked files; {@code ./launcher screenshots} sets {@code concord.screenshots.dir} to assets/screenshots
 * to refresh the images the README shows.
 */
public final class Screenshots {
    public static final Path DIR = Path.of(System.getProperty("concord.screenshots.dir",
            Path.of(System.getProperty("basedir", "."), "target", "screenshots").toString()));

    private Screenshots() {
    }

    /** Must run on the FX thread. Returns the file written. */
    public static Path write(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
