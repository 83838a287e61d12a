package dev.concord.bench;

import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.merge.MergeResult;
import dev.concord.merge.SideBySideDiff;
import dev.concord.merge.ThreeWayMerge;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The merge engine on long notes (issue 7, part 3): a whole subscription record merged three ways where
 * the notes carry {@link NotesCorpus#EDITS_PER_SIDE} disjoint edits per side and the other fields change
 * on one side each; and the side-by-side diff the conflict dialog builds from the same notes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MergeBenchmark {
    @Param({"1000", "10000", "100000"})
    public int lines;

    private FieldValues base;
    private FieldValues mine;
    private FieldValues theirs;
    private String mineNotes;
    private String theirsNotes;

    @Setup
    public void setUp() {
        NotesCorpus notes = NotesCorpus.of(lines);
        base = record(notes.base());
        mine = base.withAll(Map.of("notes", notes.mine(), "status", "paused"));
        theirs = base.withAll(Map.of("notes", notes.theirs(), "tags", Set.of("eu", "vip", "late")));
        mineNotes = notes.mine();
        theirsNotes = notes.theirs();
        MergeResult check = ThreeWayMerge.merge(EntityKind.SUBSCRIPTION, base, mine, theirs);
        if (!check.clean()) {
            throw new IllegalStateException("benchmark corpus must merge cleanly: " + check.conflicts());
        }
    }

    @Benchmark
    public MergeResult threeWayMerge() {
        return ThreeWayMerge.merge(EntityKind.SUBSCRIPTION, base, mine, theirs);
    }

    @Benchmark
    public SideBySideDiff sideBySideDiff() {
        return SideBySideDiff.of(mineNotes, theirsNotes);
    }

    static FieldValues record(String notes) {
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
        v.put("tags", Set.of("eu", "vip"));
        v.put("notes", notes);
        return FieldValues.of(v);
    }
}
