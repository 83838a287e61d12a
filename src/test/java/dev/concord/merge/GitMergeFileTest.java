package dev.concord.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Our text merge against {@code git merge-file -p mine base theirs} on generated texts. Lines are unique
 * within each text, so every line diff is unambiguous and both tools must see the same changes; the
 * cases where both sides insert at the same place (where we deliberately differ) are left out.
 */
class GitMergeFileTest {
    @Property(tries = 400)
    void cleanMergesEqualGitAndConflictsAgree(@ForAll @IntRange(max = 14) int baseLines, @ForAll long seed)
            throws Exception {
        Random random = new Random(seed);
        List<String> base = new ArrayList<>();
        for (int i = 0; i < baseLines; i++) {
            base.add("base " + i);
        }
        List<Op> mineOps = ops(random, baseLines);
        List<Op> theirsOps = ops(random, baseLines);
        // Now and then theirs makes some of the same changes, so identical edits are covered too.
        if (random.nextInt(3) == 0) {
            for (int i = 0; i < theirsOps.size(); i++) {
                if (random.nextBoolean()) {
                    theirsOps.set(i, mineOps.get(i));
                }
            }
        }
        String baseText = render(base, random.nextInt(5) > 0);
        String mine = render(apply(base, mineOps, "mine"), random.nextInt(5) > 0);
        String theirs = render(apply(base, theirsOps, "theirs"), random.nextInt(5) > 0);
        Assume.that(!hasInsertCollision(baseText, mine, theirs));

        GitResult git = gitMergeFile(baseText, mine, theirs);
        TextMergeResult ours = TextMerge.merge(baseText, mine, theirs);

        assertThat(ours.clean()).as("clean, git said %s", git.output()).isEqualTo(git.conflicts() == 0);
        if (ours.clean()) {
            assertThat(ours.text()).isEqualTo(git.output());
        } else {
            assertThat(ours.conflicts()).isNotEmpty();
        }
    }

    @Example
    void gitReportsAConflictWhereWeKeepBothInsertions() throws Exception {
        // The one place we differ from git on purpose; this pins down that the comparison above is real.
        String base = "a\nb\n";
        GitResult git = gitMergeFile(base, "a\nmine\nb\n", "a\ntheirs\nb\n");

        assertThat(git.conflicts()).isEqualTo(1);
        assertThat(TextMerge.merge(base, "a\nmine\nb\n", "a\ntheirs\nb\n").text()).isEqualTo("a\ntheirs\nmine\nb\n");
    }

    /** True when both sides purely insert lines at the same base position. */
    static boolean hasInsertCollision(String base, String mine, String theirs) {
        List<String> baseLines = Lines.split(base);
        Set<Integer> mineInserts = new HashSet<>();
        for (Edit e : Edit.between(baseLines, Lines.split(mine))) {
            if (e.pureInsertion()) {
                mineInserts.add(e.start());
            }
        }
        for (Edit e : Edit.between(baseLines, Lines.split(theirs))) {
            if (e.pureInsertion() && mineInserts.contains(e.start())) {
                return true;
            }
        }
        return false;
    }

    /** Per base line: keep, delete or replace; plus what to insert before it (index baseLines: at the end). */
    private record Op(int action, int inserted) {
    }

    private static List<Op> ops(Random random, int baseLines) {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i <= baseLines; i++) {
            int action = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2);
            int inserted = random.nextInt(8) == 0 ? 1 + random.nextInt(2) : 0;
            ops.add(new Op(action, inserted));
        }
        return ops;
    }

    private static List<String> apply(List<String> base, List<Op> ops, String side) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= base.size(); i++) {
            Op op = ops.get(i);
            for (int k = 0; k < op.inserted(); k++) {
                out.add(side + " inserted " + i + "." + k);
            }
            if (i < base.size()) {
                switch (op.action()) {
                    case 0 -> out.add(base.get(i));
                    case 1 -> out.add(side + " changed " + i);
                    default -> { } // deleted
                }
            }
        }
        return out;
    }

    private static String render(List<String> lines, boolean finalNewline) {
        String text = String.join("\n", lines);
        return finalNewline && !lines.isEmpty() ? text + "\n" : text;
    }

    private record GitResult(String output, int conflicts) {
    }

    private static GitResult gitMergeFile(String base, String mine, String theirs) throws Exception {
        Path dir = Files.createTempDirectory("concord-merge-file");
        Path b = write(dir, "base", base);
        Path m = write(dir, "mine", mine);
        Path t = write(dir, "theirs", theirs);
        try {
            return run(m, b, t);
        } finally {
            for (Path file : List.of(b, m, t, dir)) {
                Files.delete(file);
            }
        }
    }

    private static GitResult run(Path m, Path b, Path t) throws Exception {
        Process p = new ProcessBuilder("git", "merge-file", "-p", m.toString(), b.toString(), t.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("git merge-file finished").isTrue();
        int rc = p.exitValue();
        assertThat(rc).as("git merge-file exit code (negative means error)").isBetween(0, 127);
        return new GitResult(out, rc);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
