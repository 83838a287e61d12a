package dev.concord.ui.live;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import dev.concord.client.AccessTokens;
import dev.concord.client.EventStreamClient;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.PresenceClient;
import dev.concord.sync.LiveEvents;
import dev.concord.sync.LiveListener;
import dev.concord.sync.LiveStatus;
import dev.concord.sync.PresenceAnnouncer;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.main.ConsoleView;
import dev.concord.ui.main.ConsoleViewModel;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates for one console window: starts them ({@link StreamStart}, {@link OwnPresence}), routes what the
 * event stream says to the table rows ({@link LiveRows}), the banners of open records ({@link LiveBanners}) and
 * the status bar, reloads what is shown on a reset, and drops a banner with its editor. Runs on the FX thread
 * (events arrive there through the console's executor).
 */
public final class LiveConsole implements LiveListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveConsole.class);

    private final ConsoleViewModel console;
    private final LiveEvents events;
    private final TaskExecutor executor;
    /** The server's clock as the events and presences tell it; every banner's relative times use it. */
    private final ServerTime serverTime;
    private final LiveBanners banners;
    private final Map<EditorViewModel, LiveBannerView> bannerViews = new IdentityHashMap<>();
    private final LiveRows rows;
    private final OwnPresence ownPresence;
    private final StreamStart streamStart;
    /**
     * Others renew every 10 s; ticking as often drops a crashed console's presence soon after it lapses, and
     * keeps every banner's "2 minutes ago" at most 10 s behind.
     */
    private final Timeline ticks = new Timeline(new KeyFrame(
            javafx.util.Duration.millis(PresenceAnnouncer.RENEW_EVERY.toMillis()), e -> tick()));
    private AutoCloseable subscription;
    private volatile String me;

    private LiveConsole(ConsoleViewModel console, LiveEvents events, PresenceClient presenceClient, Clock clock) {
        this.console = console;
        this.serverTime = new ServerTime(clock);
        this.events = events;
        this.executor = console.executor();
        this.banners = new LiveBanners(console.services().api(), presenceClient, executor, () -> me, serverTime);
        this.rows = new LiveRows(console, executor);
        this.ownPresence = new OwnPresence(console, new PresenceAnnouncer(presenceClient));
        this.streamStart = new StreamStart(console, events);
    }

    /** Starts live updates for {@code console} as the owner of {@code token}. Must run on the FX thread. */
    public static LiveConsole start(ConsoleViewModel console, ConsoleView view, String serverUrl, String token) {
        return start(console, view, serverUrl, AccessTokens.fixed(token));
    }

    /** As {@link #start(ConsoleViewModel, ConsoleView, String, String)} with a signed-in session's tokens. */
    public static LiveConsole start(ConsoleViewModel console, ConsoleView view, String serverUrl,
                                    AccessTokens token) {
        return start(console, view, serverUrl, token, Clock.systemUTC());
    }

    /** As above, with this machine's clock given (tests move it on and call {@link #tick()}). */
    public static LiveConsole start(ConsoleViewModel console, ConsoleView view, String serverUrl,
                                    AccessTokens token, Clock clock) {
        TaskExecutor ui = console.services().executor();
        LiveEvents events = new LiveEvents(new EventStreamClient(serverUrl, token, OkHttpConcordApi.sharedClient()), ui::onUiThread);
        LiveConsole live = new LiveConsole(console, events,
                new PresenceClient(serverUrl, token, OkHttpConcordApi.sharedClient()), clock);
        live.begin(view);
        return live;
    }

    private void begin(ConsoleView view) {
        subscription = events.addListener(this);
        view.setEditorBanner(this::bannerView);
        console.status().showLiveStatus(lang("live.status.connecting"));
        // A request beside the first list's: it waits for the window's next frame (issue 16), as the stream does.
        console.afterFirstRows(() -> executor.run(() -> console.services().api().whoAmI(), id -> me = id.actor(),
                failure -> LOG.warn("could not learn who is signed in; own changes may show in the banner", failure)));
        ownPresence.follow();
        ticks.setCycleCount(Animation.INDEFINITE);
        ticks.play();
        console.addEditorEvictedListener(this::evicted);
        streamStart.afterFirstListLoad();
    }

    /** The Last-Event-ID the stream was opened with: the event mark of the console's first list load. */
    public Long openedAfter() {
        return streamStart.openedAfter();
    }

    /** The banner of an editor, made once per editor and kept with it until the console drops the editor. */
    public LiveBannerViewModel banner(EditorViewModel editor) {
        return banners.of(editor);
    }

    private Node bannerView(EditorViewModel editor) {
        return bannerViews.computeIfAbsent(editor, e -> new LiveBannerView(banner(e)));
    }

    /** How many banners the console holds (one per open record); for tests. */
    public int bannerCount() {
        return banners.count();
    }

    /** What the timer does every 10 s: each banner drops lapsed presences and brings its relative time up to date. */
    public void tick() {
        banners.tick();
    }

    @Override
    public void changed(ChangeEvent event) {
        serverTime.sawStamp(event.at());
        banners.changed(event);
        rows.changed(event);
    }

    @Override
    public void presence(Presence presence) {
        serverTime.saw(presence);
        banners.presence(presence);
    }

    /** The stream could not resume where it was: reload what is shown and say why. */
    @Override
    public void reset(String message) {
        LOG.info("live updates reset: {}", message);
        console.refreshAll();
        console.status().showLiveStatus(lang("live.status.resumed"));
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

    /** The console dropped an editor (the agent moved on and it held no edits): drop its banner too. */
    private void evicted(EditorViewModel editor) {
        banners.drop(editor);
        bannerViews.remove(editor);
    }

    /** Stops the stream and the announcements, and leaves the open record. */
    @Override
    public void close() {
        streamStart.close();
        ticks.stop();
        ownPresence.stopFollowing();
        banners.disposeAll();
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("could not remove the live listener", e);
        }
        events.close();
        ownPresence.close();
    }
}
