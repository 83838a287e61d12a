package dev.concord.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.Dependents;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.EntityKind;
import dev.concord.i18n.Localization;
import dev.concord.sync.LifecycleCoordinator;
import dev.concord.sync.Reason;
import dev.concord.sync.RetireOutcome;
import dev.concord.testing.DemoServerFixture;
import dev.concord.testing.InLanguage;
import dev.concord.testing.TestServers;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A retire the server refuses because live records still refer to the record names those records in the agent's
 * language (the server's own sentence naming them is English), from the real server's {@code error.dependents}
 * through the client and sync.
 */
@InLanguage("de")
class RetireRefusalWordsTest {
    @RegisterExtension
    static final DemoServerFixture demo = new DemoServerFixture(TestServers::h2Demo);

    @Test
    void aPlanInUseIsNotRetiredAndTheSubscriptionsUsingItAreNamed() {
        LifecycleCoordinator lifecycle = new LifecycleCoordinator(
                new OkHttpConcordApi(demo.server().baseUrl(), "demo-alice"));
        long version = demo.api().get("demo-alice", "/api/v1/plans/plan_basic").data().path("version").asLong();

        RetireOutcome outcome = lifecycle.retire(EntityKind.PLAN, "plan_basic", version);

        assertThat(outcome).isInstanceOf(RetireOutcome.Refused.class);
        RetireOutcome.Refused refused = (RetireOutcome.Refused) outcome;
        assertThat(refused.dependents()).hasSize(1);
        Dependents subs = refused.dependents().get(0);
        assertThat(subs.entity()).isEqualTo("subscriptions");
        assertThat(subs.field()).isEqualTo("planId");
        assertThat(subs.firstIds()).isNotEmpty().allMatch(id -> id.startsWith("sub_")).isSorted();
        assertThat(subs.firstIds()).hasSizeLessThanOrEqualTo(20);
        assertThat(subs.count()).isGreaterThanOrEqualTo(subs.firstIds().size());

        long more = subs.count() - subs.firstIds().size();
        assertThat(DependentsWords.of(refused)).isEqualTo("aktive Datensätze verweisen noch darauf: Abonnements "
                + String.join(", ", subs.firstIds()) + (more > 0 ? " und " + more + " weitere" : "")
                + ". Archivieren oder verschieben Sie diese zuerst");
        assertThat(demo.api().get("demo-alice", "/api/v1/plans/plan_basic").status()).isEqualTo(200);
    }

    @Test
    void kindsAreWordedAndARefusalNamingNoRecordsKeepsItsReason() {
        Reason hasDependents = new Reason(Reason.Code.INVALID, "HAS_DEPENDENTS", 409, 0, null, "English");
        RetireOutcome.Refused two = new RetireOutcome.Refused(hasDependents, List.of(
                new Dependents("invoices", "subscriptionId", 1, List.of("inv_0007")),
                new Dependents("gadgets", "ownerId", 3, List.of("g1", "g2"))));
        assertThat(DependentsWords.of(two)).isEqualTo("aktive Datensätze verweisen noch darauf: Rechnungen inv_0007; "
                + "gadgets g1, g2 und 1 weitere. Archivieren oder verschieben Sie diese zuerst");

        RetireOutcome.Refused forbidden = new RetireOutcome.Refused(
                new Reason(Reason.Code.NOT_ALLOWED, "FORBIDDEN", 403, 0, null, "English"));
        assertThat(DependentsWords.of(forbidden)).isEqualTo(ReasonWords.of(forbidden.reason()));
        assertThat(Localization.locale().getLanguage()).isEqualTo(Locale.GERMAN.getLanguage());
    }
}
