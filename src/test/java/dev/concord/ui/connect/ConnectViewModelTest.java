package dev.concord.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.auth.SignInException;
import dev.concord.testing.InLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The Connect screen's buttons: what they ask of the application, and what the person reads. */
class ConnectViewModelTest {
    private final List<String> asked = new ArrayList<>();
    private CompletableFuture<Object> answer = new CompletableFuture<>();

    private final ConnectActions actions = new ConnectActions() {
        @Override
        public CompletionStage<?> signIn(String serverUrl) {
            asked.add("sign-in " + serverUrl);
            return answer;
        }

        @Override
        public CompletionStage<?> useToken(String serverUrl, String token) {
            asked.add("token " + serverUrl + " " + token);
            return answer;
        }

        @Override
        public CompletionStage<?> tryDemo() {
            asked.add("demo");
            return answer;
        }

        @Override
        public boolean signInAvailable() {
            return true;
        }

        @Override
        public String secretsKeptIn() {
            return "memory";
        }
    };

    private final ConnectViewModel vm = new ConnectViewModel(actions, "https://concord.example.com", null, Runnable::run);

    @Test
    void signInUsesTheServerShownAndIsBusyUntilItEnds() {
        vm.signIn();
        assertThat(asked).containsExactly("sign-in https://concord.example.com");
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("browser");
        answer.complete("ok");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aFailureIsShownInThePersonsWordsAndTheButtonsComeBack() {
        vm.tokenProperty().set("  t0ken ");
        vm.useToken();
        answer.completeExceptionally(new WordedFailure("No Concord server answers at https://concord.example.com. Check the address.", null));
        assertThat(asked).containsExactly("token https://concord.example.com t0ken");
        assertThat(vm.messageProperty().get()).isEqualTo("No Concord server answers at https://concord.example.com. Check the address.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    @InLanguage("de")
    void aSignInFailureIsWordedFromItsReasonNamingTheProviderNeverTheJavaMessage() {
        vm.signIn();
        answer.completeExceptionally(new SignInException(SignInException.Reason.PROVIDER_UNREACHABLE,
                "https://id.example.com/realms/acme", null, false, "Cannot reach the identity provider",
                new java.net.ConnectException("Connection refused")));
        assertThat(vm.messageProperty().get())
                .isEqualTo("Der Identitätsanbieter unter https://id.example.com/realms/acme ist nicht erreichbar. "
                        + "Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es dann erneut.");

        answer = new CompletableFuture<>();
        vm.signIn();
        answer.completeExceptionally(new CompletionException(new SignInException(SignInException.Reason.TIMED_OUT,
                "https://id.example.com", "5", true, "No answer from the browser within 5 minutes", null)));
        assertThat(vm.messageProperty().get()).isEqualTo(
                "Keine Antwort vom Browser innerhalb von 5 Minuten. Melden Sie sich bitte erneut an.");
    }

    @Test
    @InLanguage("fr")
    void anyOtherFailureIsNamedByItsKindWithoutItsMessageOrClass() {
        vm.tryDemo();
        answer.completeExceptionally(new IllegalStateException("java.net.BindException: Address already in use"));
        assertThat(vm.messageProperty().get())
                .startsWith("Cela n’a pas fonctionné : une erreur inattendue s’est produite")
                .doesNotContain("Exception").doesNotContain("Address already in use");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void missingServerOrTokenIsNamedAndNothingIsAsked() {
        vm.useToken();
        assertThat(vm.messageProperty().get()).contains("token");
        vm.serverProperty().set(" ");
        vm.signIn();
        assertThat(vm.messageProperty().get()).contains("address");
        assertThat(asked).isEmpty();
    }

    @Test
    void demoIsOneClick() {
        vm.tryDemo();
        assertThat(asked).containsExactly("demo");
    }
}
