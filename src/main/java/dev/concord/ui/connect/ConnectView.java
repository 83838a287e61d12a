package dev.concord.ui.connect;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Connect screen, built in code. Ids: connect-server, connect-sign-in, connect-token, connect-use-token, connect-demo, connect-message. */
public final class ConnectView extends VBox {
    public ConnectView(ConnectViewModel vm) {
        setId("connect-screen");
        setSpacing(12);
        setPadding(new Insets(32, 48, 32, 48));
        setAlignment(Pos.TOP_LEFT);
        setMaxWidth(640);

        Label title = new Label("Connect to your team's Concord server");
        title.getStyleClass().add("title-2");
        Label intro = new Label("Ask your administrator for the server address if it is not filled in.");
        intro.setWrapText(true);

        TextField server = new TextField();
        server.setId("connect-server");
        server.setPromptText("https://concord.example.com");
        server.textProperty().bindBidirectional(vm.serverProperty());

        Button signIn = new Button("Sign in");
        signIn.setId("connect-sign-in");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.setOnAction(e -> vm.signIn());
        Label signInNote = new Label(vm.signInAvailable() ? "Opens your browser to sign in with your company account."
                : "Sign-in is not set up on this computer (no identity provider configured); use a token.");
        signInNote.setWrapText(true);

        PasswordField token = new PasswordField();
        token.setId("connect-token");
        token.setPromptText("Token from your administrator");
        token.textProperty().bindBidirectional(vm.tokenProperty());
        HBox.setHgrow(token, Priority.ALWAYS);
        Button useToken = new Button("Use a token");
        useToken.setId("connect-use-token");
        useToken.setOnAction(e -> vm.useToken());
        HBox tokenRow = new HBox(8, token, useToken);

        Button demo = new Button("Try with demo data");
        demo.setId("connect-demo");
        demo.setOnAction(e -> vm.tryDemo());
        Label demoNote = new Label("Starts a private demo server with made-up customers on this computer; nothing reaches your team.");
        demoNote.setWrapText(true);

        Label message = new Label();
        message.setId("connect-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label secrets = new Label("Sign-ins and tokens are kept in " + vm.secretsKeptIn() + ".");
        secrets.setId("connect-secrets");
        secrets.setWrapText(true);
        secrets.getStyleClass().add("text-muted");

        signIn.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.signInAvailable())));
        useToken.disableProperty().bind(vm.busyProperty());
        demo.disableProperty().bind(vm.busyProperty());

        // The labels name the fields for screen readers too.
        Label serverLabel = new Label("Server");
        serverLabel.setLabelFor(server);
        Label tokenLabel = new Label("Or connect with a token (service accounts, no identity provider)");
        tokenLabel.setLabelFor(token);
        getChildren().addAll(title, intro, serverLabel, server, signIn, signInNote, new Separator(),
                tokenLabel, tokenRow, new Separator(),
                demo, demoNote, message, secrets);
    }
}
