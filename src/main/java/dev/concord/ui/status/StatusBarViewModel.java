package dev.concord.ui.status;

import dev.concord.ui.common.Problems;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.Identity;
import dev.concord.client.ConcordApi;
import dev.concord.ui.common.ConflictFeed;
import dev.concord.ui.common.People;
import dev.concord.ui.common.TrackingTaskExecutor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status bar: the server, the signed-in agent, the connection state (from health checks and from
 * every call the console makes) and the number of unresolved conflicts and pending edits (from the
 * conflict store, whose listeners run on any thread and are moved to the UI thread here).
 */
public final class StatusBarViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusBarViewModel.class);

    private final ConcordApi api;
    private final ConflictFeed conflicts;
    private final TrackingTaskExecutor executor;
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server");
    private final ReadOnlyStringWrapper agent = new ReadOnlyStringWrapper(this, "agent", "");
    private final ReadOnlyStringWrapper signedInAs = new ReadOnlyStringWrapper(this, "signedInAs", "");
    private final ReadOnlyObjectWrapper<ConnectionState> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", ConnectionState.CHECKING);
    private final ReadOnlyIntegerWrapper conflictCount = new ReadOnlyIntegerWrapper(this, "conflictCount", 0);
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper(this, "pendingCount", 0);
    private final ReadOnlyStringWrapper live = new ReadOnlyStringWrapper(this, "live", "");
    private final ChangeListener<Boolean> reachListener;
    private AutoCloseable subscription;

    public StatusBarViewModel(String serverUrl, ConcordApi api, ConflictFeed conflicts,
                              TrackingTaskExecutor executor) {
        this.api = api;
        this.conflicts = conflicts;
        this.executor = executor;
        server.set(serverUrl);
        reachListener = (obs, was, reached) ->
                connection.set(reached ? ConnectionState.CONNECTED : ConnectionState.UNREACHABLE);
        executor.serverReachedProperty().addListener(reachListener);
    }

    /** Loads who is signed in, checks the server and starts following the conflict store. */
    public void start() {
        subscription = conflicts.subscribe(() -> executor.onUiThread(this::recount));
        recount();
        loadIdentity();
        checkConnection();
    }

    public void loadIdentity() {
        executor.run(api::whoAmI, this::showIdentity, failure -> agent.set(lang("status.notSignedIn", Problems.describe(failure))));
    }

    public void checkConnection() {
        executor.run(api::healthy,
                healthy -> connection.set(healthy ? ConnectionState.CONNECTED : ConnectionState.UNREACHABLE),
                failure -> connection.set(ConnectionState.UNREACHABLE));
    }

    private void showIdentity(Identity identity) {
        agent.set(lang("status.agent", People.displayName(identity.actor()), role(identity.role())));
        signedInAs.set(agent.get());
    }

    private void recount() {
        conflictCount.set(conflicts.unresolvedCount());
        pendingCount.set(conflicts.pendingCount());
    }

    @Override
    public void close() {
        executor.serverReachedProperty().removeListener(reachListener);
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("could not stop following the conflict store", e);
            }
        }
    }

    /** The state of live updates (ui.live sets it), e.g. "live updates unavailable: ...". */
    public void showLiveStatus(String text) {
        live.set(text);
    }

    public ReadOnlyStringProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agentProperty() {
        return agent.getReadOnlyProperty();
    }

    /** Who the server says the agent is ("Ivy (admin)"), empty until it answered; never an error text. */
    public ReadOnlyStringProperty signedInAsProperty() {
        return signedInAs.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty conflictCountProperty() {
        return conflictCount.getReadOnlyProperty();
    }

    public int getConflictCount() {
        return conflictCount.get();
    }

    public ReadOnlyIntegerProperty pendingCountProperty() {
        return pendingCount.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return executor.busyProperty();
    }

    /** The role in the agent's language; a role the console does not know yet shows as the server names it. */
    private static String role(String wire) {
        return switch (wire == null ? "" : wire) {
            case "agent" -> lang("role.agent");
            case "admin" -> lang("role.admin");
            default -> wire;
        };
    }
}
