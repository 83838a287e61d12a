package dev.concord.ui.connect;

import static dev.concord.i18n.Localization.lang;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Connect screen, built in code. Ids: connect-server, connect-sign-in, connect-token, connect-use-token, connect-demo, connect-message. */
public final class ConnectView extends VBox {
    /** The Connect window's size: everything fits at the default text size, in every language. */
    public static final double WINDOW_WIDTH = 720;
    public static final double WINDOW_HEIGHT = 700;

    /**
     * The Connect screen as its window's content. A long message under the buttons (a sign-in failure in German
     * or French runs to three lines) makes the screen taller than the window: it then scrolls, where the window
     * alone squeezed every wrapped text to one line cut short with "...".
     */
    public static ScrollPane scrolling(ConnectViewModel vm) {
        ScrollPane pane = new ScrollPane(new ConnectView(vm));
        pane.setId("connect-scroll");
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane.getStyleClass().add("edge-to-edge");
        return pane;
    }

    public ConnectView(ConnectViewModel vm) {
        setId("connect-screen");
        setSpacing(12);
        setPadding(new Insets(32, 48, 32, 48));
        setAlignment(Pos.TOP_LEFT);
        setMaxWidth(640);

        Label title = new Label(lang("connect.title"));
        title.getStyleClass().add("title-2");
        // "Mit dem Concord-Server Ihres Teams verbinden" is wider than the 720 px window at this size.
        title.setWrapText(true);
        Label intro = new Label(lang("connect.intro"));
        intro.setWrapText(true);

        TextField server = new TextField();
        server.setId("connect-server");
        server.setPromptText("https://concord.example.com");
        server.textProperty().bindBidirectional(vm.serverProperty());

        Button signIn = new Button(lang("connect.signIn"));
        signIn.setId("connect-sign-in");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.setOnAction(e -> vm.signIn());
        Label signInNote = new Label(vm.signInAvailable() ? lang("connect.signIn.note")
                : lang("connect.signIn.unavailable"));
        signInNote.setWrapText(true);

        PasswordField token = new PasswordField();
        token.setId("connect-token");
        token.setPromptText(lang("connect.token.prompt"));
        token.textProperty().bindBidirectional(vm.tokenProperty());
        HBox.setHgrow(token, Priority.ALWAYS);
        Button useToken = new Button(lang("connect.useToken"));
        useToken.setId("connect-use-token");
        useToken.setOnAction(e -> vm.useToken());
        // A pasted token is sent with Enter, as the agent expects of the field they just filled in (the default
        // button is Sign in, which is off without an identity provider).
        token.setOnAction(e -> vm.useToken());
        HBox tokenRow = new HBox(8, token, useToken);

        Button demo = new Button(lang("connect.demo"));
        demo.setId("connect-demo");
        demo.setOnAction(e -> vm.tryDemo());
        Label demoNote = new Label(lang("connect.demo.note"));
        demoNote.setWrapText(true);

        Label message = new Label();
        message.setId("connect-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label secrets = new Label(lang("connect.secrets", vm.secretsKeptIn()));
        secrets.setId("connect-secrets");
        secrets.setWrapText(true);
        secrets.getStyleClass().add("text-muted");

        signIn.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.signInAvailable())));
        useToken.disableProperty().bind(vm.busyProperty());
        demo.disableProperty().bind(vm.busyProperty());

        // The labels name the fields for screen readers too.
        Label serverLabel = new Label(lang("connect.server"));
        serverLabel.setLabelFor(server);
        Label tokenLabel = new Label(lang("connect.orToken"));
        tokenLabel.setLabelFor(token);
        // Wrapped like the notes: in French this line is as wide as the window once the scroll bar shows.
        serverLabel.setWrapText(true);
        tokenLabel.setWrapText(true);
        getChildren().addAll(title, intro, serverLabel, server, signIn, signInNote, new Separator(),
                tokenLabel, tokenRow, new Separator(),
                demo, demoNote, message, secrets);
    }
}
