package dev.concord.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1080);
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 27, 1366, 741);
    private static final Rectangle2D UHD = new Rectangle2D(0, 0, 3840, 2160);
    private static final Rectangle2D RIGHT_OF_FULL_HD = new Rectangle2D(1920, 0, 2560, 1440);

    private static WindowBounds first(Rectangle2D screen) {
        return WindowPlacement.first(screen, 1280, 800, 640, 480);
    }

    private static WindowBounds restore(WindowBounds saved, Rectangle2D... screens) {
        return WindowPlacement.restore(saved, List.of(screens), 1280, 800, 640, 480);
    }

    @Test
    void theFirstWindowTakesMostOfTheScreenCentredNotTheMinimumSize() {
        assertThat(first(FULL_HD)).isEqualTo(new WindowBounds(192, 108, 1536, 864, false));
        assertThat(first(UHD)).isEqualTo(new WindowBounds(384, 216, 3072, 1728, false));
    }

    @Test
    void onASmallScreenTheFirstWindowIsAsLargeAsTheUsualSizeWhereItFitsAndNeverLargerThanTheScreen() {
        WindowBounds bounds = first(LAPTOP);

        assertThat(bounds.width()).isEqualTo(1280);
        assertThat(bounds.height()).isEqualTo(741);
        assertThat(bounds.x()).isEqualTo(43);
        assertThat(bounds.y()).as("below the top panel").isEqualTo(27);
    }

    @Test
    void aRememberedWindowOpensWhereItWasAndMaximizedIfItWas() {
        WindowBounds saved = new WindowBounds(2100, 100, 1400, 900, true);

        assertThat(restore(saved, FULL_HD, RIGHT_OF_FULL_HD)).isEqualTo(saved);
        assertThat(restore(null, FULL_HD)).isEqualTo(first(FULL_HD));
    }

    @Test
    void aWindowLeftOnAScreenThatIsGoneOpensOnThePrimaryScreenStillMaximizedIfItWas() {
        WindowBounds onTheSecondScreen = new WindowBounds(2100, 100, 1400, 900, true);

        assertThat(restore(onTheSecondScreen, FULL_HD)).isEqualTo(first(FULL_HD).withMaximized(true));
    }

    @Test
    void aWindowPartlyOffItsScreenOrLargerThanItIsMovedAndShrunkOntoIt() {
        WindowBounds hangingOff = new WindowBounds(1500, -50, 1000, 700, false);
        WindowBounds tooLarge = new WindowBounds(100, 100, 3000, 2000, false);

        assertThat(restore(hangingOff, FULL_HD)).isEqualTo(new WindowBounds(920, 0, 1000, 700, false));
        assertThat(restore(tooLarge, FULL_HD)).isEqualTo(new WindowBounds(0, 0, 1920, 1080, false));
    }

    @Test
    void nonsenseFromAHandEditedFileGivesTheFirstWindow() {
        assertThat(restore(new WindowBounds(Double.NaN, 0, 800, 600, false), FULL_HD)).isEqualTo(first(FULL_HD));
        assertThat(restore(new WindowBounds(0, 0, -5, 600, false), FULL_HD)).isEqualTo(first(FULL_HD));
        assertThat(restore(new WindowBounds(0, 0, 300, 200, false), FULL_HD).width())
                .as("never under the minimum").isEqualTo(640);
    }
}
