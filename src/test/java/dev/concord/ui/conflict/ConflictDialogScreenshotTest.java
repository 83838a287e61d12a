package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.concord.domain.FieldValues;
import dev.concord.sync.Conflict;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.testing.Screenshots;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Application;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Renders the conflict dialog as the README shows it: status decided, notes still to merge. */
@ExtendWith(ApplicationExtension.class)
class ConflictDialogScreenshotTest {
    private ConflictDialog dialog;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        dialog = new ConflictDialog(new ConflictDialogViewModel(realisticConflict(), (id, values) -> {
            throw new AssertionError("not saved in this test");
        }, new CurrentThreadTaskExecutor()), null);
        dialog.show();
    }

    @AfterEach
    void closeDialog() throws Exception {
        WaitForAsyncUtils.asyncFx(dialog::close).get();
    }

    @Test
    void writesTheDialogAsAPng(FxRobot robot) throws Exception {
        robot.clickOn("#take-theirs-status");
        Path png = WaitForAsyncUtils.asyncFx(() -> Screenshots.write(dialog.getScene(), "conflict-dialog")).get();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1240);
        assertThat(image.getHeight()).isEqualTo(780);
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    static Conflict realisticConflict() {
        FieldValues base = Conflicts.baseValues().with("notes", String.join("\n",
                "2026-11-02 Customer called about the October invoice; explained proration.",
                "2026-11-10 Asked to move billing to the first of the month.",
                "Prefers invoices by post to the Berlin office.",
                "Contact: Jana Weber (finance), +49 30 1234567.",
                "Do not offer the annual plan before the renewal call.",
                "Renewal call planned for 2026-12-15."));
        String mineNotes = String.join("\n",
                "2026-11-02 Customer called about the October invoice; explained proration.",
                "2026-11-10 Asked to move billing to the first of the month.",
                "Prefers invoices by email to finance@acme.example from December.",
                "Contact: Jana Weber (finance), +49 30 1234567.",
                "Do not offer the annual plan before the renewal call.",
                "Renewal call planned for 2026-12-15.",
                "2026-11-29 Pausing at the customer's request until the budget is approved.");
        String theirsNotes = String.join("\n",
                "2026-11-02 Customer called about the October invoice; explained proration.",
                "2026-11-10 Asked to move billing to the first of the month.",
                "Prefers invoices by post to the Hamburg office (moved in November).",
                "Contact: Jana Weber (finance), +49 40 7654321.",
                "Do not offer the annual plan before the renewal call.",
                "Renewal call planned for 2026-12-15.");
        FieldValues mine = base.withAll(Map.of("status", "paused", "tags", new java.util.TreeSet<>(Set.of("vip", "callback")), "notes", mineNotes));
        FieldValues theirs = base.withAll(Map.of("status", "past_due", "customerEmail", "finance@acme.example",
                "notes", theirsNotes));
        return Conflicts.conflict(base, mine, theirs, 8, List.of("status", "notes"));
    }
}
