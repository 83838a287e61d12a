package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notes merge against {@code git merge-file -p} (git is on every machine here) on generated merges
 * from a fixed seed. Where git is clean we must be clean with the same bytes; where git conflicts and
 * neither side's insertions met, our marked output and conflict count must be git's too. Where both sides
 * only inserted at one place we merge the insertions (git conflicts), so those are only counted (the
 * checked-in corpus under {@code merge-corpus} pins our result for them in {@code expected.txt}).
 *
 * <p>What it found while the engine was written: nothing after the port of git's xdiff; the earlier engine
 * (java-diff-utils and its own grouping) disagreed with git on clean merges with repeated lines and on
 * insertions both sides made (see issue 10).
 */
class GitDifferentialTest {
    static final int TRIPLES = 2000;
    private static final long SEED = 20261130L;

    @Test
    void generatedMergesAgreeWithGit() throws Exception {
        Random random = new Random(SEED);
        List<Triples.Triple> triples = new ArrayList<>();
        for (int i = 0; i < TRIPLES; i++) {
            triples.add(Triples.next(random));
        }
        Tally tally = compare(triples);
        System.out.println("git merge-file differential: " + tally);
        assertThat(tally.mismatches).as("mismatches with git (three texts printed)").isEmpty();
        // The generator must exercise all three outcomes, or the comparison proves little.
        assertThat(tally.clean).isGreaterThan(TRIPLES / 5);
        assertThat(tally.conflicted).isGreaterThan(TRIPLES / 10);
        assertThat(tally.union).isGreaterThan(TRIPLES / 50);
    }

    @Test
    void checkedInCorpusAgreesWithGit() throws Exception {
        Path corpus = Path.of(GitDifferentialTest.class.getResource("/merge-corpus").toURI());
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(corpus)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        List<Triples.Triple> triples = new ArrayList<>();
        for (Path c : cases) {
            triples.add(new Triples.Triple(read(c, "base.txt"), read(c, "mine.txt"), read(c, "theirs.txt")));
        }

        Tally tally = compare(triples);

        System.out.println("git merge-file differential, checked-in corpus of " + cases.size() + ": " + tally);
        assertThat(tally.mismatches).as("mismatches with git (three texts printed)").isEmpty();
        assertThat(tally.union).as("cases where both sides inserted at one place").isGreaterThanOrEqualTo(3);
        for (int i = 0; i < cases.size(); i++) {
            Path expected = cases.get(i).resolve("expected.txt");
            if (Files.exists(expected)) {
                Triples.Triple t = triples.get(i);
                TextMergeResult ours = TextMerge.merge(t.base(), t.mine(), t.theirs());
                assertThat(ours.clean()).as(cases.get(i).getFileName().toString()).isTrue();
                assertThat(ours.text()).as(cases.get(i).getFileName().toString())
                        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Long reordered notes take the engine's two-thread paths (the two diffs side by side, the boxes of one diff
     * shared between threads): the result must not depend on which thread did what, so it is git's, every time.
     */
    @Test
    void longReorderedNotesAgreeWithGitOnEveryRun() throws Exception {
        Random random = new Random(SEED);
        List<String> base = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            base.add("call " + i + ": asked about invoice " + random.nextInt(1_000) + "\n");
        }
        List<String> mine = new ArrayList<>(base);
        java.util.Collections.shuffle(mine, random);
        List<String> theirs = new ArrayList<>(base);
        java.util.Collections.reverse(theirs);
        theirs.subList(0, 100).clear();
        Triples.Triple t = new Triples.Triple(String.join("", base), String.join("", mine), String.join("", theirs));
        GitMergeFile.Result git = GitMergeFile.merge(t.base(), t.mine(), t.theirs());
        for (int run = 0; run < 5; run++) {
            MergedText ours = TextMerge.withMarkers(t.base(), t.mine(), t.theirs(), "mine", "theirs");
            assertThat(ours.text()).as("run %d", run).isEqualTo(git.output());
        }
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    /** Counts of the outcomes and the first mismatches, each with its three texts. */
    static final class Tally {
        int clean;
        int conflicted;
        int union;
        final List<String> mismatches = new ArrayList<>();

        @Override
        public String toString() {
            return clean + " clean and equal, " + conflicted + " conflicted alike, " + union
                    + " where we merged simultaneous insertions, " + mismatches.size() + " mismatches";
        }
    }

    static Tally compare(List<Triples.Triple> triples) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<GitMergeFile.Result>> git = new ArrayList<>();
            for (Triples.Triple t : triples) {
                git.add(pool.submit(() -> GitMergeFile.merge(t.base(), t.mine(), t.theirs())));
            }
            Tally tally = new Tally();
            for (int i = 0; i < triples.size(); i++) {
                check(triples.get(i), git.get(i).get(), tally);
            }
            return tally;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(Triples.Triple t, GitMergeFile.Result git, Tally tally) {
        MergedText ours = TextMerge.withMarkers(t.base(), t.mine(), t.theirs(), "mine", "theirs");
        TextMergeResult merge = TextMerge.merge(t.base(), t.mine(), t.theirs());
        boolean union = TextMerge.regions(t.base(), t.mine(), t.theirs()).stream()
                .anyMatch(r -> r.kind() == TextRegion.Kind.BOTH_INSERTED);
        String problem = null;
        if (merge.clean() != (ours.conflicts() == 0) || !merge.marked().equals(ours.text())) {
            problem = "merge() and withMarkers() disagree";
        } else if (git.conflicts() == 0) {
            if (ours.conflicts() != 0 || !ours.text().equals(git.output())) {
                problem = "git is clean";
            }
        } else if (!union && (Math.min(ours.conflicts(), 127) != git.conflicts() || !ours.text().equals(git.output()))) {
            problem = "git conflicts " + git.conflicts() + ", we " + ours.conflicts();
        }
        if (problem != null) {
            if (tally.mismatches.size() < 10) {
                tally.mismatches.add(problem + GitMergeFile.show(t.base(), t.mine(), t.theirs())
                        + "\n--- git:  " + GitMergeFile.quote(git.output())
                        + "\n--- ours: " + GitMergeFile.quote(ours.text()));
            } else {
                tally.mismatches.add(problem);
            }
        } else if (git.conflicts() == 0) {
            tally.clean++;
        } else if (union) {
            tally.union++;
        } else {
            tally.conflicted++;
        }
    }
}
