package dev.concord.ui.live;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What sits between the editor's title and its form: who else has the record open, and the banner
 * "Bob changed status and notes 2 minutes ago" with Show changes and Rebase now. Binds only.
 */
public final class LiveBannerView extends VBox {
    private static final String CSS = Objects.requireNonNull(
            LiveBannerView.class.getResource("/dev/concord/ui/live/live.css"), "live.css").toExternalForm();

    /** Bindings kept in fields: one only referenced by a control's property may be collected (JabRef #6129). */
    private final BooleanBinding bannerShown;
    private final BooleanBinding moved;
    private final StringBinding changesText;
    private final StringBinding showChangesText;

    public LiveBannerView(LiveBannerViewModel vm) {
        setId("live");
        getStylesheets().add(CSS);
        setSpacing(6);
        setPadding(new Insets(0, 16, 4, 16));

        Label presence = new Label();
        presence.setId("live-presence");
        presence.getStyleClass().addAll("live-presence", Styles.TEXT_SMALL);
        presence.textProperty().bind(vm.presenceProperty());
        presence.visibleProperty().bind(vm.presenceProperty().isNotEmpty());
        presence.managedProperty().bind(presence.visibleProperty());

        bannerShown = vm.stateProperty().isNotEqualTo(LiveBannerViewModel.State.HIDDEN);
        moved = vm.stateProperty().isEqualTo(LiveBannerViewModel.State.MOVED);

        Label message = new Label();
        message.setId("live-message");
        message.getStyleClass().add("live-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Button showChanges = new Button();
        showChanges.setId("live-show-changes");
        showChanges.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        showChangesText = Bindings.when(vm.changesShownProperty()).then(lang("live.hideChanges")).otherwise(lang("live.showChanges"));
        showChanges.textProperty().bind(showChangesText);
        showChanges.setTooltip(new Tooltip(lang("live.showChanges.tip")));
        showChanges.setOnAction(e -> vm.toggleChanges());
        showChanges.visibleProperty().bind(moved);
        showChanges.managedProperty().bind(moved);

        Button rebase = new Button(lang("live.rebaseNow"));
        rebase.setId("live-rebase");
        rebase.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        rebase.setTooltip(new Tooltip(lang("live.rebaseNow.tip")));
        rebase.setOnAction(e -> vm.rebaseNow());
        rebase.disableProperty().bind(vm.rebasingProperty());
        rebase.visibleProperty().bind(moved);
        rebase.managedProperty().bind(moved);

        // The editor pane is narrow: the message gets its own line so the buttons never shrink to "Reba...".
        showChanges.setMinWidth(Region.USE_PREF_SIZE);
        rebase.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, spacer, showChanges, rebase);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.managedProperty().bind(moved);
        actions.visibleProperty().bind(moved);

        Label overlap = new Label();
        overlap.setId("live-overlap");
        overlap.getStyleClass().addAll("live-overlap", Styles.TEXT_SMALL);
        overlap.setWrapText(true);
        overlap.textProperty().bind(vm.overlapProperty());
        overlap.visibleProperty().bind(vm.overlapProperty().isNotEmpty());
        overlap.managedProperty().bind(overlap.visibleProperty());

        Label changes = new Label();
        changes.setId("live-changes");
        changes.getStyleClass().addAll("live-changes", Styles.TEXT_SMALL);
        changes.setWrapText(true);
        changesText = Bindings.createStringBinding(() -> String.join("\n", vm.changes()), vm.changes());
        changes.textProperty().bind(changesText);
        changes.visibleProperty().bind(changesText.isNotEmpty());
        changes.managedProperty().bind(changes.visibleProperty());

        VBox banner = new VBox(message, overlap, changes, actions);
        banner.setId("live-banner");
        banner.getStyleClass().add("live-banner");
        banner.visibleProperty().bind(bannerShown);
        banner.managedProperty().bind(bannerShown);
        vm.stateProperty().addListener((obs, old, now) -> styleFor(banner, now));
        styleFor(banner, vm.getState());

        getChildren().addAll(presence, banner);
    }

    private static void styleFor(Region banner, LiveBannerViewModel.State state) {
        banner.getStyleClass().remove("rebased");
        if (state == LiveBannerViewModel.State.REBASED) {
            banner.getStyleClass().add("rebased");
        }
    }
}
