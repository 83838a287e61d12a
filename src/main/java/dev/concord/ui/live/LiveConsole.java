package dev.concord.ui.live;

import static dev.concord.i18n.Localization.lang;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
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
    /** The banner of each open record by "kind/id": an event goes to its record's banner only. */
    private final Map<String, LiveBannerViewModel> bannerByRecord = new HashMap<>();
    private final ChangeListener<EditorViewModel> onEditor = (obs, old, now) -> editorShown(old, now);
    private final ChangeListener<Boolean> onDirty = (obs, was, now) -> announceCurrent();
    /**
     * Others renew every 10 s; ticking as often drops a crashed console's presence soon after it lapses, and
     * keeps every banner's "2 minutes ago" at most 10 s behind.
     */
    private final Timeline ticks = new Timeline(new KeyFrame(
            javafx.util.Duration.millis(PresenceAnnouncer.RENEW_EVERY.toMillis()), e -> tick()));
    /** The server's clock as the events and presences tell it; every banner's relative times use it. */
    private final ServerTime serverTime;
    private AutoCloseable subscription;
    private volatile String me;
    private boolean started;
    /** Closed (FX thread): a stream not opened yet is not opened any more. */
    private boolean closed;
    /** The Last-Event-ID the stream was opened with (the first list load's mark); null before or without. */
    private Long openedAfter;

    private LiveConsole(ConsoleViewModel console, LiveEvents events, PresenceClient presenceClient, Clock clock) {
        this.console = console;
        this.serverTime = new ServerTime(clock);
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
        return start(console, view, serverUrl, token, Clock.systemUTC());
    }

    /** As above, with this machine's clock given (tests move it on and call {@link #tick()}). */
    public static LiveConsole start(ConsoleViewModel console, ConsoleView view, String serverUrl,
                                    dev.concord.client.AccessTokens token, Clock clock) {
        TaskExecutor ui = console.services().executor();
        LiveEvents events = new LiveEvents(new EventStreamClient(serverUrl, token, dev.concord.client.OkHttpConcordApi.sharedClient()), ui::onUiThread);
        LiveConsole live = new LiveConsole(console, events,
                new PresenceClient(serverUrl, token, dev.concord.client.OkHttpConcordApi.sharedClient()), clock);
        live.begin(view);
        return live;
    }

    private void begin(ConsoleView view) {
        subscription = events.addListener(this);
        view.setEditorBanner(this::bannerView);
        console.editorProperty().addListener(onEditor);
        console.status().showLiveStatus(lang("live.status.connecting"));
        // A request beside the first list's: it waits for the window's next frame (issue 16), as the stream does.
        console.afterFirstRows(() -> executor.run(() -> console.services().api().whoAmI(), id -> me = id.actor(),
                failure -> LOG.warn("could not learn who is signed in; own changes may show in the banner", failure)));
        editorShown(null, console.getEditor());
        ticks.setCycleCount(Animation.INDEFINITE);
        ticks.play();
        console.addEditorEvictedListener(this::evicted);
        startAfterFirstListLoad();
    }

    /**
     * Opens the stream with the event high-water mark of the first list the console loaded, so that no
     * write falls between that load and the stream; lists that load later have a higher mark, which the
     * stream covers. Before any list answered there is nothing to be stale, so it waits for one.
     */
    private void startAfterFirstListLoad() {
        List<RecordListViewModel> lists = Arrays.stream(EntityKind.values()).map(console::list).toList();
        if (lists.stream().anyMatch(l -> l.answeredProperty().get())) {
            startStream(lowestMark(lists));
            return;
        }
        List<Runnable> undo = new ArrayList<>();
        for (RecordListViewModel l : lists) {
            ChangeListener<Boolean> first = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                    if (now && !started) {
                        started = true;
                        undo.forEach(Runnable::run);
                        startStream(lowestMark(lists));
                    }
                }
            };
            l.answeredProperty().addListener(first);
            undo.add(() -> l.answeredProperty().removeListener(first));
        }
    }

    private void startStream(Long after) {
        started = true;
        // Opened once the first rows are on screen (issue 16); the mark keeps any write in between.
        console.afterFirstRows(() -> {
            if (closed) {
                return;
            }
            openedAfter = after;
            events.start(after);
        });
    }

    /** The Last-Event-ID the stream was opened with: the event mark of the console's first list load. */
    public Long openedAfter() {
        return openedAfter;
    }

    /** The lowest first-load mark of the lists that answered; null (only new writes) if one answered without. */
    private static Long lowestMark(List<RecordListViewModel> lists) {
        Long lowest = null;
        for (RecordListViewModel l : lists) {
            if (l.answeredProperty().get()) {
                Long mark = l.firstEventMarkProperty().get();
                if (mark == null) {
                    return null;
                }
                lowest = lowest == null ? mark : Math.min(lowest, mark);
            }
        }
        return lowest;
    }

    /** The banner of an editor, made once per editor and kept with it until the console drops the editor. */
    public LiveBannerViewModel banner(EditorViewModel editor) {
        return banners.computeIfAbsent(editor, e -> {
            LiveBannerViewModel vm = new LiveBannerViewModel(e, console.services().api(), executor, () -> me, serverTime);
            Entity base = e.getBase();
            bannerByRecord.put(key(base.kind().path(), base.id()), vm);
            executor.run(() -> presenceClient.present(base.kind(), base.id()),
                    present -> present.forEach(p -> {
                        serverTime.saw(p);
                        vm.presence(p);
                    }),
                    failure -> LOG.warn("could not load who has {} open", base.id(), failure));
            return vm;
        });
    }

    private Node bannerView(EditorViewModel editor) {
        return bannerViews.computeIfAbsent(editor, e -> new LiveBannerView(banner(e)));
    }

    /** How many banners the console holds (one per open record); for tests. */
    public int bannerCount() {
        return banners.size();
    }

    /** What the timer does every 10 s: each banner drops lapsed presences and brings its relative time up to date. */
    public void tick() {
        banners.values().forEach(LiveBannerViewModel::tick);
    }

    @Override
    public void changed(ChangeEvent event) {
        serverTime.sawStamp(event.at());
        LiveBannerViewModel banner = bannerByRecord.get(key(event.entity(), event.id()));
        if (banner != null) {
            banner.changed(event);
        }
        EntityKind.fromPath(event.entity()).ifPresent(kind -> refreshRow(console.list(kind), event));
    }

    @Override
    public void presence(Presence presence) {
        serverTime.saw(presence);
        LiveBannerViewModel banner = bannerByRecord.get(key(presence.entity(), presence.id()));
        if (banner != null) {
            banner.presence(presence);
        }
    }

    /** The stream could not resume where it was: reload what is shown and say why. */
    @Override
    public void reset(String message) {
        LOG.info("live updates reset: {}", message);
        console.refreshAll();
        console.status().showLiveStatus(lang("live.status.resumed"));
    }

    /** The console dropped an editor (the agent moved on and it held no edits): drop its banner too. */
    private void evicted(EditorViewModel editor) {
        LiveBannerViewModel banner = banners.remove(editor);
        bannerViews.remove(editor);
        if (banner != null) {
            banner.dispose();
            Entity base = editor.getBase();
            bannerByRecord.remove(key(base.kind().path(), base.id()), banner);
        }
    }

    private static String key(String entity, String id) {
        return entity + "/" + id;
    }

    @Override
    public void status(LiveStatus status) {
        console.status().showLiveStatus(switch (status.state()) {
            case LIVE -> lang("live.status.on");
            case CONNECTING -> lang("live.status.connecting");
            // The stream's own message names exceptions; the agent gets the state in words.
            case RECONNECTING -> lang("live.status.reconnecting");
            case UNAVAILABLE -> lang("live.status.stopped");
        });
    }

    /** A listed record moved: fetch it and put it in its row (the table keeps its selection). */
    private void refreshRow(RecordListViewModel list, ChangeEvent event) {
        if (dev.concord.api.HistoryEntry.DELETE.equals(event.kind())) {
            // Retired: there is nothing to fetch, the row goes.
            list.remove(event.id());
            return;
        }
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
        closed = true;
        ticks.stop();
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
