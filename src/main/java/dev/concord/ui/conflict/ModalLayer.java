package dev.concord.ui.conflict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A modal layer over a window's content: {@code content} centred on a dimmed backdrop that covers the whole
 * window, in the window's own scene. No new window is made, so opening it costs no new Stage, Scene or style
 * sheet matching of a new scene (a conflict window took ~300 ms to open on 10k-line notes, most of it that).
 *
 * <p>While it is open the rest of the window is inert: every other child of the host is disabled, which
 * keeps it from the mouse (the backdrop takes the clicks too), from Tab (disabled nodes are skipped, so the
 * focus stays in the layer), from mnemonics and from screen readers. The focus owner from before comes back
 * when the layer closes. Layers stack: one opened over another disables the one below until it closes.
 */
final class ModalLayer extends StackPane {
    static final String STYLE_CLASS = "modal-layer";

    private final Pane host;
    private final Region content;
    private final double maxWidth;
    private final double maxHeight;
    private final double margin;
    /** The host's children this layer disabled (the others were disabled already or are bound). */
    private final Set<Node> disabledHere = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ChangeListener<Bounds> onHostResized = (o, was, now) -> fit();
    private final ListChangeListener<Node> onHostChildren = c -> keepOnTop();
    private Node focusBefore;
    private boolean open;

    /**
     * A layer for {@code content} over {@code host} (the window's root), at most {@code maxWidth} x
     * {@code maxHeight}, never larger than the window less {@code margin} on each side.
     */
    ModalLayer(Pane host, Region content, double maxWidth, double maxHeight, double margin) {
        this.host = host;
        this.content = content;
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
        this.margin = margin;
        getStyleClass().add(STYLE_CLASS);
        // The backdrop takes every click outside the content: nothing behind it reacts.
        setPickOnBounds(true);
        setOnMouseClicked(javafx.event.Event::consume);
        getChildren().add(content);
        // The host lays out its own children only: the layer sizes itself to the host (fit()).
        setManaged(false);
    }

    /** The window root a layer can go over: the scene's root if it is a Pane, else null. */
    static Pane hostOf(Scene scene) {
        return scene != null && scene.getRoot() instanceof Pane pane ? pane : null;
    }

    boolean isOpen() {
        return open;
    }

    /**
     * Puts the layer over the host, makes what is behind it inert, styles and lays the layer out and moves the
     * focus to {@code focus}.
     */
    void open(Node focus) {
        if (open) {
            return;
        }
        open = true;
        Scene scene = host.getScene();
        focusBefore = scene == null ? null : scene.getFocusOwner();
        for (Node child : host.getChildren()) {
            inert(child);
        }
        host.getChildren().add(this);
        host.getChildren().addListener(onHostChildren);
        host.layoutBoundsProperty().addListener(onHostResized);
        fit();
        // Styled and laid out now, as a window is when it is shown, so the first pulse finds it done; a node
        // just added takes the focus only once it has been styled.
        applyCss();
        layout();
        (focus == null ? content : focus).requestFocus();
    }

    /** Takes the layer away, brings what is behind back to life and the focus back where it was. */
    void close() {
        if (!open) {
            return;
        }
        open = false;
        host.getChildren().removeListener(onHostChildren);
        host.layoutBoundsProperty().removeListener(onHostResized);
        host.getChildren().remove(this);
        disabledHere.forEach(n -> n.setDisable(false));
        disabledHere.clear();
        // A layer below this one is disabled by it: nothing to give the focus back to until it is on top.
        Node back = focusBefore;
        focusBefore = null;
        focusBack(back);
        if (host.getScene() != null && host.getScene().getFocusOwner() != back) {
            // A node enabled again may take the focus only once restyled: again after the next pulse.
            javafx.application.Platform.runLater(() -> focusBack(back));
        }
    }

    private void focusBack(Node back) {
        if (open || host.getScene() == null) {
            return;
        }
        if (focusable(back)) {
            back.requestFocus();
            return;
        }
        // What had the focus is gone or disabled (an editor disables its form while it saves, and the scene
        // then moved the focus on): the window's first control takes it, so typing never goes nowhere.
        Node owner = host.getScene().getFocusOwner();
        if (!focusable(owner)) {
            host.lookupAll("*").stream().filter(n -> n != host && n.isFocusTraversable() && focusable(n))
                    .findFirst().ifPresent(Node::requestFocus);
        }
    }

    private boolean focusable(Node node) {
        if (node == null || node.getScene() != host.getScene() || node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void inert(Node child) {
        if (child != this && !child.isDisable() && !child.disableProperty().isBound()) {
            child.setDisable(true);
            disabledHere.add(child);
        }
    }

    /**
     * Children the host gains while the layer is open (a BorderPane that swaps its centre when the window
     * narrows) are made inert too, and the layer stays the last child, drawn over them.
     */
    private void keepOnTop() {
        List<Node> layers = new ArrayList<>();
        boolean contentAfterLayer = false;
        for (Node child : host.getChildren()) {
            if (child instanceof ModalLayer) {
                layers.add(child);
            } else {
                inert(child);
                contentAfterLayer |= !layers.isEmpty();
            }
        }
        if (contentAfterLayer) {
            host.getChildren().removeListener(onHostChildren);
            // Layers in the order they opened, over everything else.
            host.getChildren().removeAll(layers);
            host.getChildren().addAll(layers);
            host.getChildren().addListener(onHostChildren);
        }
    }

    /** Covers the whole host; the content takes what it may of it, centred. */
    private void fit() {
        Bounds b = host.getLayoutBounds();
        resizeRelocate(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        content.setMaxSize(Math.max(0, Math.min(maxWidth, b.getWidth() - 2 * margin)),
                Math.max(0, Math.min(maxHeight, b.getHeight() - 2 * margin)));
    }

    /** Whether {@code node} is inside this layer. */
    boolean holds(Node node) {
        for (Parent p = node == null ? null : node.getParent(); p != null; p = p.getParent()) {
            if (p == this) {
                return true;
            }
        }
        return node == this;
    }
}
