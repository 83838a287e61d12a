package dev.concord.ui.live;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import dev.concord.client.ConcordApi;
import dev.concord.client.PresenceClient;
import dev.concord.domain.Entity;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live banners of one console: one per open editor, made with who already has its record open, found by
 * record when an event or a presence arrives, and dropped with the editor. FX thread.
 */
final class LiveBanners {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBanners.class);

    private final ConcordApi api;
    private final PresenceClient presenceClient;
    private final TaskExecutor executor;
    private final Supplier<String> me;
    private final ServerTime serverTime;
    private final Map<EditorViewModel, LiveBannerViewModel> banners = new IdentityHashMap<>();
    /** The banner of each open record by "kind/id": an event goes to its record's banner only. */
    private final Map<String, LiveBannerViewModel> bannerByRecord = new HashMap<>();

    /** {@code me}: the signed-in agent, null until known (its own changes are not news to it). */
    LiveBanners(ConcordApi api, PresenceClient presenceClient, TaskExecutor executor, Supplier<String> me,
                ServerTime serverTime) {
        this.api = api;
        this.presenceClient = presenceClient;
        this.executor = executor;
        this.me = me;
        this.serverTime = serverTime;
    }

    /** The banner of an editor, made once per editor and kept with it until {@link #drop}. */
    LiveBannerViewModel of(EditorViewModel editor) {
        return banners.computeIfAbsent(editor, e -> {
            LiveBannerViewModel vm = new LiveBannerViewModel(e, api, executor, me, serverTime);
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

    /** A record changed: its banner (if it is open) says so. */
    void changed(ChangeEvent event) {
        LiveBannerViewModel banner = bannerByRecord.get(key(event.entity(), event.id()));
        if (banner != null) {
            banner.changed(event);
        }
    }

    /** Someone opened, edits or left a record: its banner (if it is open) says so. */
    void presence(Presence presence) {
        LiveBannerViewModel banner = bannerByRecord.get(key(presence.entity(), presence.id()));
        if (banner != null) {
            banner.presence(presence);
        }
    }

    /** Each banner drops lapsed presences and brings its relative time up to date. */
    void tick() {
        banners.values().forEach(LiveBannerViewModel::tick);
    }

    int count() {
        return banners.size();
    }

    /** The editor is gone from the console: so is its banner. */
    void drop(EditorViewModel editor) {
        LiveBannerViewModel banner = banners.remove(editor);
        if (banner != null) {
            banner.dispose();
            Entity base = editor.getBase();
            bannerByRecord.remove(key(base.kind().path(), base.id()), banner);
        }
    }

    void disposeAll() {
        banners.values().forEach(LiveBannerViewModel::dispose);
    }

    private static String key(String entity, String id) {
        return entity + "/" + id;
    }
}
