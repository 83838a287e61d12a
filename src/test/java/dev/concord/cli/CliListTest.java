package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.ListQuery;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.Page;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.testing.DemoServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code cli list} (alias {@code search}) against the real demo server in process; it only reads. */
class CliListTest {
    private static final EntityKind SUB = EntityKind.SUBSCRIPTION;

    @TempDir
    Path home;

    @RegisterExtension
    static final DemoServerFixture DEMO = new DemoServerFixture(() -> ConcordServer.start(ServerConfig.demoInMemory()));

    private OkHttpConcordApi api;
    private String out;
    private String err;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        api = new OkHttpConcordApi(DEMO.server().baseUrl(), "demo-alice");
    }

    private int cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", DEMO.server().baseUrl(), "--home", home.toString()));
        CliRun run = CliRun.as("demo-alice", all.toArray(String[]::new));
        out = run.out();
        err = run.err();
        return run.code();
    }

    /** The ids of the record lines (after the header), in order. */
    private List<String> ids() {
        return out.lines().skip(1).filter(l -> l.matches("^\\S+\\s+v\\d+\\b.*")).map(l -> l.split("\\s+")[0]).toList();
    }

    @Test
    void aTextSearchFindsWhatTheConsoleFindsOneLineEachUnderAHeader() {
        Entity known = api.get(SUB, "sub_0001");
        String name = (String) known.values().get("customerName");
        String lastName = name.substring(name.lastIndexOf(' ') + 1);
        Page expected = api.list(SUB, new ListQuery(lastName, null, 200, null));

        assertThat(cli("list", "subscriptions", "--search", lastName.toLowerCase(Locale.ROOT), "--limit", "200"))
                .as(err).isZero();

        assertThat(out.lines().findFirst().orElseThrow().split("\\s+"))
                .startsWith("id", "version", "customerName", "customerEmail", "planId", "status");
        assertThat(ids()).containsExactlyElementsOf(expected.items().stream().map(Entity::id).toList())
                .contains("sub_0001");
        assertThat(out).contains(name).contains("v" + known.version());
    }

    @Test
    void aStatusFilterShowsOnlyThatStatusAndTheAliasSearchIsTheSameCommand() {
        Page paused = api.list(SUB, new ListQuery(null, "paused", 200, null));
        assertThat(paused.items()).isNotEmpty();

        assertThat(cli("search", "subscriptions", "--status", "paused", "--limit", "200")).as(err).isZero();

        assertThat(ids()).containsExactlyElementsOf(paused.items().stream().map(Entity::id).toList());
        assertThat(out.lines().skip(1)).allMatch(l -> l.contains(" paused "));
    }

    @Test
    void aLongListComesAPageAtATimeAndSaysHowToGetTheNext() {
        assertThat(cli("list", "subscriptions", "--limit", "3")).as(err).isZero();
        List<String> first = ids();
        Matcher next = Pattern.compile("add --after (\\S+) for the next page").matcher(out);
        assertThat(first).hasSize(3);
        assertThat(next.find()).as(out).isTrue();

        assertThat(cli("list", "subscriptions", "--limit", "3", "--after", next.group(1))).as(err).isZero();

        assertThat(ids()).hasSize(3).doesNotContainAnyElementsOf(first);
        assertThat(ids().get(0)).isGreaterThan(first.get(2));
    }

    @Test
    void mistakesAreWordedBeforeAnythingIsSentAndNothingFoundIsSaid() {
        assertThat(cli("list", "plans", "--status", "active")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("plans have no status");
        assertThat(cli("list", "subscriptions", "--status", "sleeping")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Unknown status ‘sleeping’").contains("active").contains("paused");
        assertThat(cli("list", "subscriptions", "--limit", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("--limit must be between 1 and 200, was 0");
        assertThat(cli("list", "customers")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Unknown kind ‘customers’");

        assertThat(cli("list", "invoices", "--search", "no-such-thing-anywhere")).isZero();
        assertThat(out.strip()).isEqualTo("No invoices found.");
    }
}
