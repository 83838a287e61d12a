package dev.concord.testing;

import dev.concord.api.HistoryEntry;
import dev.concord.api.Identity;
import dev.concord.client.ConcordApi;
import dev.concord.client.ListQuery;
import dev.concord.client.Page;
import dev.concord.client.PatchCall;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import java.util.List;

/** Another user's client of a {@link FakeConcordApi}: the same records, writes stamped with that user's name. */
final class FakeClient implements ConcordApi {
    private final FakeConcordApi server;
    private final String who;

    FakeClient(FakeConcordApi server, String who) {
        this.server = server;
        this.who = who;
    }

    @Override
    public Page list(EntityKind kind, ListQuery query) {
        return server.list(kind, query);
    }

    @Override
    public Entity get(EntityKind kind, String id) {
        return server.get(kind, id);
    }

    @Override
    public Entity getVersion(EntityKind kind, String id, long version) {
        return server.getVersion(kind, id, version);
    }

    @Override
    public List<HistoryEntry> history(EntityKind kind, String id) {
        return server.history(kind, id);
    }

    @Override
    public Entity patch(PatchCall call) {
        return server.patchAs(who, call);
    }

    @Override
    public Identity whoAmI() {
        return new Identity(who, "agent");
    }

    @Override
    public boolean healthy() {
        return server.healthy();
    }
}
