package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.testing.InMemorySecretStore;
import dev.concord.testing.OidcProvider;
import dev.concord.testing.RedirectFollowingBrowser;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login}, later commands on the kept sign-in, {@code logout}, and tokens for service accounts that
 * stay out of argv, against a real OIDC provider in process and the real server that validates its tokens.
 * The browser step is an HTTP client following the provider's redirects to the CLI's loopback listener.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CliSignInTest {
    @RegisterExtension
    static final OidcProvider IDP = new OidcProvider();
    static ConcordServer server;

    @TempDir
    Path home;
    private final InMemorySecretStore secrets = new InMemorySecretStore();
    private final RedirectFollowingBrowser browser = new RedirectFollowingBrowser();
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private String out;
    private String err;

    @BeforeAll
    static void startServer() {
        server = IDP.concordServer();
    }

    private int cli(String... args) {
        CliEnvironment environment = new CliEnvironment(env, home.resolve("no-console.conf"), h -> secrets, browser,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--home", home.toString())).toArray(String[]::new);
        CliRun run = CliRun.of(environment, all);
        out = run.out();
        err = run.err();
        return run.code();
    }

    @Test
    void loginKeepsTheSignInLaterCommandsUseAndRenewItAndLogoutForgetsIt() throws Exception {
        IDP.nextSignIn("carol", "agent", 5);
        assertThat(cli("login", "--server", server.baseUrl(), "--issuer", IDP.issuer().toString(),
                "--client-id", OidcProvider.CLIENT_ID)).as(err).isEqualTo(0);
        assertThat(out).contains("Signed in to " + server.baseUrl() + " as carol (agent)");
        assertThat(err).as("the address, in case no browser opens").contains(IDP.issuer().toString())
                .contains("code_challenge=");
        assertThat(browser.pagesOpened()).as("the system browser was asked to open it").isEqualTo(1);
        String key = StoredSignIn.secretKey(server.baseUrl());
        String firstRefresh = secrets.get(key).orElseThrow();
        assertThat(Files.readString(home.resolve(StoredSignIn.FILE))).contains("carol").doesNotContain(firstRefresh);

        // No --server, no token: the server of the login and carol's kept sign-in, refreshed (her access
        // tokens live five seconds, less than the session renews ahead of expiry, and a resumed session starts with none).
        assertThat(cli("whoami")).as(err).isEqualTo(0);
        assertThat(out).contains("carol (agent) at " + server.baseUrl()).contains("your sign-in as carol");
        String id = "sub_0001";
        assertThat(cli("edit", "subscriptions/" + id, "notes=Carol from the command line")).as(out + err).isEqualTo(0);
        OkHttpConcordApi viewer = new OkHttpConcordApi(server.baseUrl(), "demo-viewer");
        assertThat(viewer.history(EntityKind.SUBSCRIPTION, id).get(0).actor()).isEqualTo("carol");
        assertThat(secrets.get(key)).as("the refresh token is still kept after the refreshes").isPresent();

        // An administrator ends the session at the provider: the next command says to sign in again.
        IDP.revoke(secrets.get(key).orElseThrow());
        IDP.refuseNextRefresh();
        assertThat(cli("get", "subscriptions/" + id)).isEqualTo(ExitCode.FAILED);
        assertThat(err).contains("sign-in has ended").contains("concord cli login");
        assertThat(secrets.get(key)).isEmpty();

        assertThat(cli("logout")).isEqualTo(0);
        assertThat(out).contains("Signed out of " + server.baseUrl() + " (carol)");
        assertThat(home.resolve(StoredSignIn.FILE)).doesNotExist();
        assertThat(cli("logout")).isEqualTo(0);
        assertThat(out).contains("Not signed in");
    }

    @Test
    void withoutABrowserThePersonOpensThePrintedAddressAndLogoutEndsTheSignIn() throws Exception {
        IDP.nextSignIn("dave", "viewer", 3600);
        env.put("CONCORD_ISSUER", IDP.issuer().toString());
        env.put("CONCORD_CLIENT_ID", OidcProvider.CLIENT_ID);
        env.put("CONCORD_SERVER", server.baseUrl());
        StringWriter e = new StringWriter();
        var login = java.util.concurrent.CompletableFuture.supplyAsync(() -> CliMain.run(
                new String[] {"login", "--no-browser", "--home", home.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(e, true), new CliEnvironment(env, home.resolve("no-console.conf"), h -> secrets, browser,
                        System.in, Clock.systemUTC())));
        // The person copies the address from the terminal into a browser (here: the redirect-following client).
        String address = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> e.toString().lines().map(String::strip).filter(l -> l.startsWith("http")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(browser.pagesOpened()).as("--no-browser starts none").isZero();
        new RedirectFollowingBrowser().open(java.net.URI.create(address));
        assertThat(login.get(20, TimeUnit.SECONDS)).as(e.toString()).isEqualTo(0);
        String key = StoredSignIn.secretKey(server.baseUrl());
        assertThat(secrets.get(key)).isPresent();

        assertThat(cli("logout")).isEqualTo(0);
        assertThat(secrets.get(key)).isEmpty();
        assertThat(cli("whoami")).isEqualTo(0);
        assertThat(out).as("back to the demo token of a clone").contains("alice").contains("demo token");
    }

    @Test
    void serviceAccountTokensComeFromTheEnvironmentOrAFileOrStandardInputNotOnlyArgv() throws Exception {
        env.put(Credentials.TOKEN_ENV, "demo-billing");
        assertThat(cli("whoami", "--server", server.baseUrl())).as(err).isEqualTo(0);
        assertThat(out).contains("billing").contains("CONCORD_TOKEN");

        Path file = home.resolve("token");
        Files.writeString(file, "demo-bob\n");
        assertThat(cli("whoami", "--server", server.baseUrl(), "--token-file", file.toString())).as(err).isEqualTo(0);
        assertThat(out).startsWith("bob (");

        stdin = "demo-admin\n";
        assertThat(cli("whoami", "--server", server.baseUrl(), "--token-file", "-")).as(err).isEqualTo(0);
        assertThat(out).startsWith("admin (admin)");

        Files.writeString(file, "\n");
        assertThat(cli("whoami", "--server", server.baseUrl(), "--token-file", file.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("No token in " + file);
    }

    @Test
    void loginWithoutAnIdentityProviderSaysHowToSetItUp() {
        assertThat(cli("login", "--server", server.baseUrl())).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Sign-in is not set up").contains("CONCORD_ISSUER").contains("console.conf");
        assertThat(browser.pagesOpened()).isZero();
    }
}
