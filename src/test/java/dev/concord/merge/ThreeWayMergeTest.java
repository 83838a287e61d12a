package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.domain.FieldValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {
    private static final EntityKind SUB = EntityKind.SUBSCRIPTION;

    static FieldValues subscription() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("customerName", "Ada Lovelace");
        v.put("customerEmail", "ada@example.com");
        v.put("planId", "plan_basic");
        v.put("status", "active");
        v.put("amount", new BigDecimal("19.99"));
        v.put("currency", "EUR");
        v.put("billingCycle", "monthly");
        v.put("nextBillingDate", LocalDate.parse("2026-12-01"));
        v.put("cancelAtPeriodEnd", false);
        v.put("tags", tags("vip", "eu"));
        v.put("notes", "called 1 Nov\nasked for invoice copy\nsent copy\n");
        return FieldValues.of(v);
    }

    static Set<String> tags(String... tags) {
        return java.util.Collections.unmodifiableSet(new TreeSet<>(Set.of(tags)));
    }

    @Test
    void fieldChangedOnlyByMeTakesMine() {
        FieldValues base = subscription();
        FieldValues mine = base.with("customerName", "Ada King");

        MergeResult r = ThreeWayMerge.merge(SUB, base, mine, base);

        assertThat(r.clean()).isTrue();
        assertThat(r.merged()).isEqualTo(mine);
        assertThat(r.fromMine()).containsExactly("customerName");
        assertThat(r.fromTheirs()).isEmpty();
    }

    @Test
    void fieldChangedOnlyByThemKeepsTheirs() {
        FieldValues base = subscription();
        FieldValues theirs = base.with("status", "paused");

        MergeResult r = ThreeWayMerge.merge(SUB, base, base, theirs);

        assertThat(r.merged()).isEqualTo(theirs);
        assertThat(r.fromTheirs()).containsExactly("status");
        assertThat(r.fromMine()).isEmpty();
    }

    @Test
    void staleTabScenarioKeepsAlicesNotesAndBobsStatus() {
        FieldValues base = subscription();
        FieldValues alice = base.with("notes", "called 1 Nov\nasked for invoice copy\nsent copy\nrefund promised\n");
        FieldValues bob = base.with("status", "paused");

        MergeResult r = ThreeWayMerge.merge(SUB, base, bob, alice);

        assertThat(r.clean()).isTrue();
        assertThat(r.merged().get("status")).isEqualTo("paused");
        assertThat(r.merged().get("notes")).isEqualTo(alice.get("notes"));
        assertThat(r.fromMine()).containsExactly("status");
        assertThat(r.fromTheirs()).containsExactly("notes");
    }

    @Test
    void bothChangingToTheSameValueIsNoConflict() {
        FieldValues base = subscription();
        FieldValues both = base.with("status", "cancelled");

        MergeResult r = ThreeWayMerge.merge(SUB, base, both, both);

        assertThat(r.clean()).isTrue();
        assertThat(r.merged()).isEqualTo(both);
    }

    @Test
    void bothChangingAPlainFieldDifferentlyConflictsAndKeepsTheirs() {
        FieldValues base = subscription();
        FieldValues mine = base.with("customerName", "Ada King");
        FieldValues theirs = base.with("customerName", "A. Lovelace");

        MergeResult r = ThreeWayMerge.merge(SUB, base, mine, theirs);

        assertThat(r.conflicts()).containsExactly(
                new FieldConflict("customerName", "Ada Lovelace", "Ada King", "A. Lovelace", null));
        assertThat(r.merged()).isEqualTo(theirs);
        assertThat(r.fromMine()).isEmpty();
        assertThat(r.fromTheirs()).isEmpty();
    }

    @Test
    void moneyPlanAndStatusChangedByBothAreAlwaysConflicts() {
        FieldValues base = subscription();
        FieldValues mine = base.withAll(Map.of("amount", new BigDecimal("25.00"), "planId", "plan_pro",
                "status", "paused"));
        FieldValues theirs = base.withAll(Map.of("amount", new BigDecimal("9.99"), "planId", "plan_team",
                "status", "cancelled"));

        MergeResult r = ThreeWayMerge.merge(SUB, base, mine, theirs);

        assertThat(r.conflicts()).extracting(FieldConflict::field).containsExactly("planId", "status", "amount");
        assertThat(r.merged()).isEqualTo(theirs);
    }

    @Test
    void amountsEqualInValueAreNotAChange() {
        FieldValues base = subscription();
        FieldValues mine = base.with("amount", new BigDecimal("19.990"));
        FieldValues theirs = base.with("amount", new BigDecimal("29.99"));

        MergeResult r = ThreeWayMerge.merge(SUB, base, mine, theirs);

        assertThat(r.clean()).isTrue();
        assertThat(r.merged().get("amount")).isEqualTo(new BigDecimal("29.99"));
    }

    @Test
    void tagsMergeAdditionsAndRemovalsOfBothSidesWithoutConflict() {
        FieldValues base = subscription().with("tags", tags("a", "b", "c"));
        FieldValues mine = base.with("tags", tags("b", "c", "d"));
        FieldValues theirs = base.with("tags", tags("a", "c", "e"));

        MergeResult r = ThreeWayMerge.merge(SUB, base, mine, theirs);

        assertThat(r.clean()).isTrue();
        assertThat(r.merged().get("tags")).isEqualTo(Set.of("c", "d", "e"));
        assertThat(r.fromMine()).containsExactly("tags");
        assertThat(r.fromTheirs()).containsExactly("tags");
    }

    @Test
    void notesEditedInDifferentLinesMergeLineByLine() {
        FieldValues base = subscription();
        FieldValues mine = base.with("notes", "called 1 Nov (Ada)\nasked for invoice copy\nsent copy\n");
        FieldValues theirs = base.with("notes", "called 1 Nov\nasked for invoice copy\nsent copy\nrefund done\n");

        MergeResult r = ThreeWayMerge.merge(SUB, base, mine, theirs);

        assertThat(r.clean()).isTrue();
        assertThat(r.merged().get("notes"))
                .isEqualTo("called 1 Nov (Ada)\nasked for invoice copy\nsent copy\nrefund done\n");
    }

    @Test
    void notesEditedInTheSameLineConflictWithHunksAndKeepTheirs() {
        FieldValues base = subscription();
        FieldValues mine = base.with("notes", "called 1 Nov\nasked for a refund\nsent copy\n");
        FieldValues theirs = base.with("notes", "called 1 Nov\nasked for two copies\nsent copy\n");

        MergeResult r = ThreeWayMerge.merge(SUB, base, mine, theirs);

        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("notes");
            assertThat(c.textHunks()).containsExactly(new TextHunk(1, java.util.List.of("asked for invoice copy"),
                    java.util.List.of("asked for a refund"), java.util.List.of("asked for two copies")));
        });
        assertThat(r.merged().get("notes")).isEqualTo(theirs.get("notes"));
    }

    @Test
    void sensitiveTextIsNeverMergedLineByLine() {
        FieldSpec sensitiveText = FieldSpec.sensitive("terms", "Terms", FieldType.LONG_TEXT);

        ThreeWayMerge.FieldMerge r = ThreeWayMerge.mergeField(sensitiveText, "a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n");

        assertThat(r.conflict()).isNotNull();
        assertThat(r.value()).isEqualTo("a\nb\nC\n");
    }

    @Test
    void sensitiveTagsAreNeverSetMerged() {
        FieldSpec sensitiveTags = FieldSpec.sensitive("grants", "Grants", FieldType.TAG_SET);

        ThreeWayMerge.FieldMerge r = ThreeWayMerge.mergeField(sensitiveTags, tags("a"), tags("a", "b"), tags("a", "c"));

        assertThat(r.conflict()).isNotNull();
        assertThat(r.value()).isEqualTo(tags("a", "c"));
    }

    @Test
    void aFieldTheKindDoesNotHaveIsRefusedByName() {
        FieldValues base = subscription();

        assertThatThrownBy(() -> ThreeWayMerge.merge(SUB, base, base.with("bogus", "x"), base))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bogus").hasMessageContaining("mine");
    }

    @Test
    void fieldDeltaTellsWhoChangedWhat() {
        FieldValues base = subscription();
        FieldValues mine = base.withAll(Map.of("customerName", "Ada King", "status", "paused"));
        FieldValues theirs = base.withAll(Map.of("currency", "USD", "status", "cancelled",
                "tags", tags("vip")));

        var deltas = FieldDelta.of(SUB, base, mine, theirs);

        assertThat(deltas).filteredOn(FieldDelta::changed)
                .extracting(FieldDelta::field, FieldDelta::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("customerName", FieldDelta.Change.MINE),
                        org.assertj.core.groups.Tuple.tuple("status", FieldDelta.Change.CONFLICT),
                        org.assertj.core.groups.Tuple.tuple("currency", FieldDelta.Change.THEIRS),
                        org.assertj.core.groups.Tuple.tuple("tags", FieldDelta.Change.THEIRS));
        assertThat(deltas).hasSize(SUB.fields().size());
    }
}
