package dev.concord.ui.live;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import dev.concord.client.EventStreamClient;
import dev.concord.client.PresenceClient;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.sync.LiveEvents;
import dev.concord.sync.LiveListener;
import dev.concord.sync.LiveStatus;
import dev.concord.sync.PresenceAnnouncer;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.main.ConsoleView;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.records.RecordListViewModel;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates for one console window: follows the event stream, updates table rows in place, gives every
 * open editor its banner, announces which record the agent has open, and shows the stream's state in the
 * status bar. Runs on the FX thread (events arrive there through the console's executor).
 */
public final class LiveConsole implements LiveListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveConsole.class);

    private final ConsoleViewModel console;
    private final LiveEvents events;
    private final PresenceClient presenceClient;
    private final PresenceAnnouncer announcer;
    private final TaskExecutor executor;
    private final Map<EditorViewModel, LiveBannerViewModel> banners = new IdentityHashMap<>();
    private final Map<EditorViewModel, LiveBannerView> bannerViews = new IdentityHashMap<>();
    private final ChangeListener<EditorViewModel> onEditor = (obs, old, now) -> editorShown(old, now);
    private final ChangeListener<Boolean> onDirty = (obs, was, now) -> announceCurrent();
    /** Others renew every 10 s; checking as often drops a crashed console's presence soon after it lapses. */
    private final Timeline presenceExpiry = new Timeline(new KeyFrame(
            javafx.util.Duration.millis(PresenceAnnouncer.RENEW_EVERY.toMillis()),
            e -> banners.values().forEach(LiveBannerViewModel::expirePresence)));
    private AutoCloseable subscription;
    private volatile String me;

    private LiveConsole(ConsoleViewModel console, LiveEvents events, PresenceClient presenceClient) {
        this.console = console;
        this.events = events;
        this.presenceClient = presenceClient;
        this.announcer = new PresenceAnnouncer(presenceClient);
        this.executor = console.executor();
    }

    /** Starts live updates for {@code console} as the owner of {@code token}. Must run on the FX thread. */
    public static LiveConsole start(ConsoleViewModel console, ConsoleView view, String serverUrl, String token) {
        return start(console, view, serverUrl, dev.concord.client.AccessTokens.fixed(token));
    }

    /** As {@link #start(ConsoleViewModel, ConsoleView, String, String)} with a signed-in session's tokens. */
    public static LiveConsole start(ConsoleViewModel console, ConsoleView view, String serverUrl,
                                    dev.concord.client.AccessTokens token) {
        TaskExecutor ui = console.services().executor();
        LiveEvents events = new LiveEvents(new EventStreamClient(serverUrl, token, dev.concord.client.OkHttpConcordApi.sharedClient()), ui::onUiThread);
        LiveConsole live = new LiveConsole(console, events, new PresenceClient(serverUrl, token, dev.concord.client.OkHttpConcordApi.sharedClient()));
        live.begin(view);
        return live;
    }

    private void begin(ConsoleView view) {
        subscription = events.addListener(this);
        view.setEditorBanner(this::bannerView);
        console.editorProperty().addListener(onEditor);
        console.status().showLiveStatus("Connecting live updates...");
        executor.run(() -> console.services().api().whoAmI(), id -> me = id.actor(),
                failure -> LOG.warn("could not learn who is signed in; own changes may show in the banner", failure));
        editorShown(null, console.getEditor());
        presenceExpiry.setCycleCount(Animation.INDEFINITE);
        presenceExpiry.play();
        events.start();
    }

    /** The banner of an editor, made once per editor and kept with it. */
    public LiveBannerViewModel banner(EditorViewModel editor) {
        return banners.computeIfAbsent(editor, e -> {
            LiveBannerViewModel vm = new LiveBannerViewModel(e, console.services().api(), executor, () -> me);
            Entity base = e.getBase();
            executor.run(() -> presenceClient.present(base.kind(), base.id()),
                    present -> present.forEach(vm::presence),
                    failure -> LOG.warn("could not load who has {} open", base.id(), failure));
            return vm;
        });
    }

    private Node bannerView(EditorViewModel editor) {
        return bannerViews.computeIfAbsent(editor, e -> new LiveBannerView(banner(e)));
    }

    @Override
    public void changed(ChangeEvent event) {
        banners.values().forEach(b -> b.changed(event));
        EntityKind.fromPath(event.entity()).ifPresent(kind -> refreshRow(console.list(kind), event));
    }

    @Override
    public void presence(Presence presence) {
        banners.values().forEach(b -> b.presence(presence));
    }

    @Override
    public void status(LiveStatus status) {
        console.status().showLiveStatus(switch (status.state()) {
            case LIVE -> "Live updates on";
            case CONNECTING -> "Connecting live updates...";
            case RECONNECTING, UNAVAILABLE -> status.message();
        });
    }

    /** A listed record moved: fetch it and put it in its row (the table keeps its selection). */
    private void refreshRow(RecordListViewModel list, ChangeEvent event) {
        boolean listed = list.items().stream().anyMatch(r -> r.id().equals(event.id()) && r.version() < event.version());
        if (listed) {
            executor.run(() -> console.services().api().get(list.kind(), event.id()), list::replace,
                    failure -> LOG.warn("could not refresh row {}", event.id(), failure));
        }
    }

    private void editorShown(EditorViewModel old, EditorViewModel now) {
        if (old != null) {
            old.dirtyProperty().removeListener(onDirty);
        }
        if (now != null) {
            now.dirtyProperty().addListener(onDirty);
        }
        announce(now);
    }

    private void announceCurrent() {
        announce(console.getEditor());
    }

    private void announce(EditorViewModel editor) {
        if (editor == null) {
            announcer.clear();
            return;
        }
        Entity base = editor.getBase();
        announcer.show(base.kind(), base.id(), editor.isDirty() ? Presence.EDITING : Presence.VIEWING);
    }

    /** Stops the stream and the announcements, and leaves the open record. */
    @Override
    public void close() {
        presenceExpiry.stop();
        console.editorProperty().removeListener(onEditor);
        EditorViewModel current = console.getEditor();
        if (current != null) {
            current.dirtyProperty().removeListener(onDirty);
        }
        banners.values().forEach(LiveBannerViewModel::dispose);
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("could not remove the live listener", e);
        }
        events.close();
        announcer.close();
    }
}
