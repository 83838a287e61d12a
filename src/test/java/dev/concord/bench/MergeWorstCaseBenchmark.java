package dev.concord.bench;

import dev.concord.merge.MergedText;
import dev.concord.merge.TextMerge;
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
 * The notes merge on its worst cases ({@link WorstCaseNotes}), producing what {@code git merge-file -p}
 * prints (conflicts refined and marked), so it does all the work git does on the same texts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MergeWorstCaseBenchmark {
    @Param({WorstCaseNotes.REORDER_30K, WorstCaseNotes.EDITED_100K})
    public String shape;

    private WorstCaseNotes notes;

    @Setup
    public void setUp() {
        notes = WorstCaseNotes.of(shape);
    }

    @Benchmark
    public MergedText mergeWithMarkers() {
        return TextMerge.withMarkers(notes.base(), notes.mine(), notes.theirs(), "mine", "theirs");
    }
}
