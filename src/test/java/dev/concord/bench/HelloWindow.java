package dev.concord.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The toolkit's floor for {@link ConsoleStartBench}: a JavaFX window with one Label, started the way a
 * hello-world is written (an Application, JavaFX from the module path, no class-data-sharing archive of its own).
 */
public final class HelloWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Hello");
        stage.setScene(new Scene(new Label("Hello, world"), 400, 200));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
