package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.client.CreateCall;
import dev.concord.client.NotFoundException;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.PatchCall;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.testing.DemoServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cli create} and {@code cli delete} against the real server in process, over the real client. One
 * server for the class; each test touches records of its own.
 */
class CliCreateDeleteTest {
    private static final EntityKind SUB = EntityKind.SUBSCRIPTION;

    @TempDir
    Path home;

    @RegisterExtension
    static final DemoServerFixture DEMO = new DemoServerFixture(() -> ConcordServer.start(ServerConfig.demoInMemory()));

    private String out;
    private String err;

    private int cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", DEMO.server().baseUrl(), "--home", home.toString()));
        CliRun run = CliRun.as("demo-alice", all.toArray(String[]::new));
        out = run.out();
        err = run.err();
        return run.code();
    }

    private String createdId() {
        Matcher m = Pattern.compile("Created subscriptions/(sub_[a-z0-9]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    @Test
    void createMakesARecordAndDeleteRetiresTheVersionLastSeen() {
        assertThat(cli("create", "subscriptions", "customerName=Ada Create", "customerEmail=ada@example.com",
                "planId=plan_basic", "status=active", "amount=9.99", "currency=EUR", "billingCycle=monthly",
                "tags=vip,eu")).as(err).isZero();
        String id = createdId();
        Entity created = new OkHttpConcordApi(DEMO.server().baseUrl(), "demo-bob").get(SUB, id);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.values().get("tags")).isEqualTo(java.util.Set.of("eu", "vip"));

        assertThat(cli("delete", "subscriptions/" + id)).as(err).isZero();
        assertThat(out).contains("Retiring version 1, the one you last saw").contains("Retired subscriptions/" + id);
        try {
            new OkHttpConcordApi(DEMO.server().baseUrl(), "demo-bob").get(SUB, id);
            throw new AssertionError("still there");
        } catch (NotFoundException expected) {
            // retired
        }
    }

    @Test
    void aDeleteOfAVersionThatChangedSinceRetiresNothingAndSaysWhatChanged() {
        OkHttpConcordApi bob = new OkHttpConcordApi(DEMO.server().baseUrl(), "demo-bob");
        Entity template = bob.get(SUB, "sub_0002");
        String id = bob.create(new CreateCall(SUB, null, template.values().asMap(), "k-create")).id();
        assertThat(cli("get", "subscriptions/" + id)).isZero();
        bob.patch(PatchCall.of(SUB, id, 1, Map.of("status", "paused"), "k-1"));

        assertThat(cli("delete", "subscriptions/" + id)).isEqualTo(ExitCode.CONFLICT);

        assertThat(err).contains("Not retired").contains("status").contains("Bob").contains("--version 2");
        assertThat(bob.get(SUB, id).version()).isEqualTo(2);
        assertThat(cli("delete", "subscriptions/" + id, "--version", "2")).as(err).isZero();
    }

    @Test
    void badCreatesAndRefusedDeletesSayWhyWithTheirExitCodes() {
        assertThat(cli("create", "subscriptions", "customerName=Only A Name")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("customerEmail").contains("required");
        assertThat(cli("create", "subscriptions", "colour=red")).isEqualTo(ExitCode.USAGE);
        assertThat(cli("create", "users", "a=b")).isEqualTo(ExitCode.USAGE);
        assertThat(cli("create", "subscriptions", "customerName=Taken", "customerEmail=t@example.com",
                "planId=plan_basic", "status=active", "amount=9.99", "currency=EUR", "billingCycle=monthly",
                "--id", "sub_0001")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("already");
        assertThat(cli("create", "subscriptions", "customerName=Typo", "customerEmail=t@example.com",
                "planId=plan_basci", "status=active", "amount=9.99", "currency=EUR", "billingCycle=monthly"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("planId names a record that does not exist (it may have been archived): check the id");
        assertThat(cli("delete", "plans/plan_basic")).isEqualTo(ExitCode.FAILED);
        // Worded from the server's code and error.dependents (HAS_DEPENDENTS), naming the subscriptions on the plan.
        assertThat(err).containsPattern("Not retired: live records still refer to it: subscriptions sub_\\d{4}(, sub_\\d{4})*"
                + "( and \\d+ more)?\\. Retire or move them first");
        assertThat(cli("delete", "subscriptions/sub_9999", "--version", "1")).isEqualTo(ExitCode.OK);
        assertThat(out).contains("subscriptions/sub_9999").contains("there is no such record, or it is already retired");
    }
}
