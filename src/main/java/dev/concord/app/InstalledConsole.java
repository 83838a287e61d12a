package dev.concord.app;

import dev.concord.auth.SecretStore;
import dev.concord.auth.SecretStores;
import dev.concord.auth.SystemBrowser;
import dev.concord.server.ConcordServer;
import dev.concord.sync.SyncServices;
import dev.concord.ui.common.FxTaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * The console as installed (no {@code --user}/{@code --token}, not started by ./launcher in a clone): never
 * a demo identity; it resumes the last sign-in or token kept in the secret store, or shows the Connect screen.
 */
final class InstalledConsole {
    private InstalledConsole() {
    }

    static int run(String serverOption, String issuerOption, String clientIdOption) throws InterruptedException {
        Path home = SyncServices.concordHome();
        ConsoleSettings saved = new SettingsFile(home.resolve("console.json")).load();
        ConsoleConf conf = ConsoleConf.resolve(ConsoleConf.SYSTEM_FILE, saved, System.getenv(), serverOption,
                issuerOption, clientIdOption);
        // Asking the keyring may take a moment (D-Bus): while JavaFX starts.
        CompletableFuture<SecretStore> secrets = CompletableFuture.supplyAsync(
                () -> SecretStores.open(home.resolve(ConsoleSetup.SECRETS_FILE)),
                task -> new Thread(task, "secret-store").start());
        CountDownLatch quit = new CountDownLatch(1);
        FxTaskExecutor executor = new FxTaskExecutor();
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "connect");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<ConnectFlow> flow = new AtomicReference<>();
        FxToolkit.await();
        secrets.whenComplete((store, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                quit.countDown();
                return;
            }
            ConnectFlow f = new ConnectFlow(new Connections(conf, store, new SystemBrowser(), home), conf, home,
                    executor, background, quit::countDown);
            flow.set(f);
            f.start();
        }));
        try {
            quit.await();
            // Before the background pool stops: where the console's window was, for the next start.
            if (flow.get() != null) {
                flow.get().rememberWindowNow();
            }
        } finally {
            executor.close();
            background.shutdownNow();
            Platform.exit();
            if (flow.get() != null) {
                flow.get().demoServers().forEach(ConcordServer::close);
            }
        }
        return 0;
    }
}
