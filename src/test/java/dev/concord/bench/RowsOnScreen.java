package dev.concord.bench;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;

/**
 * "Data visible", seen from outside the console: the pixels of the band where the subscription list's
 * first rows are (left 40% of the window, 25% to 45% of its height, below the column headers) hold text.
 * While the list is loading, empty or failed, that band is one plain colour (its placeholder sits in the
 * middle of the list, lower down); with rows it holds their text. A pixel counts as text when it differs
 * from the band's most common colour by more than a third of the range, so the dark theme counts as well.
 * Reads the screen through the X server (AWT's Robot, a few KiB each time), every 15 ms.
 */
final class RowsOnScreen {
    /** Fewer text pixels than this is noise (a caret, a focus ring); a row of text has hundreds. */
    private static final int TEXT_PIXELS = 300;
    private final XDisplay display;
    private final Robot robot;

    RowsOnScreen(XDisplay display) throws java.awt.AWTException {
        this.display = display;
        this.robot = new Robot();
    }

    /** {@link System#nanoTime()} when rows were first seen in {@code window}, or -1 after {@code timeoutMs}. */
    long await(String window, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            XDisplay.Geometry g = display.geometry(window);
            if (g != null && g.width() > 400 && textPixels(g) >= TEXT_PIXELS) {
                return now;
            }
            Thread.sleep(15);
        }
        return -1;
    }

    private int textPixels(XDisplay.Geometry g) {
        Rectangle band = new Rectangle(g.x() + g.width() / 50, g.y() + g.height() / 4, g.width() * 2 / 5, g.height() / 5);
        BufferedImage image = robot.createScreenCapture(band);
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        int[] histogram = new int[256];
        for (int p : rgb) {
            histogram[luminance(p)]++;
        }
        int background = 0;
        for (int i = 1; i < 256; i++) {
            if (histogram[i] > histogram[background]) {
                background = i;
            }
        }
        int text = 0;
        for (int i = 0; i < 256; i++) {
            if (Math.abs(i - background) > 85) {
                text += histogram[i];
            }
        }
        return text;
    }

    private static int luminance(int rgb) {
        return (((rgb >> 16) & 0xff) * 3 + ((rgb >> 8) & 0xff) * 6 + (rgb & 0xff)) / 10;
    }
}
