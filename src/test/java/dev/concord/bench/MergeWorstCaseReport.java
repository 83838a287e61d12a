package dev.concord.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concord.merge.MergedText;
import dev.concord.merge.TextMerge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The worst-case rows of the merge bench ({@link MergeWorstCaseBenchmark}), each next to one
 * {@code git merge-file -p} process on the same three files, timed in the same run. Targets (issue 10):
 * 30k-line full reorder under 300 ms, 100k lines with 5% edited per side under 100 ms, and never slower
 * than the git process.
 */
final class MergeWorstCaseReport {
    static final Map<String, Integer> TARGET_MS = Map.of(WorstCaseNotes.REORDER_30K, 300,
            WorstCaseNotes.EDITED_100K, 100);
    private static final int GIT_RUNS = 9;

    private MergeWorstCaseReport() {
    }

    /** Runs the rows, appends them to {@code table} and to {@code section} ("worstCases"). */
    static void run(Path out, ObjectNode section, StringBuilder table, double spawnMs) throws Exception {
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include(MergeWorstCaseBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh-merge-worst.json").toString())
                .build()).run();
        ArrayNode cases = section.putArray("worstCases");
        table.append(String.format(Locale.ROOT, "%nMerge engine, worst cases (ms per merge with conflict markers, "
                + "as git merge-file -p prints it)%n"));
        table.append(String.format(Locale.ROOT, "%-12s %18s %14s %12s %11s %8s %10s %7s%n", "case", "ours (JMH avg)",
                "ours CPU", "git wall", "ours/wall", "target", "met", "same"));
        for (String shape : List.of(WorstCaseNotes.REORDER_30K, WorstCaseNotes.EDITED_100K)) {
            WorstCaseNotes notes = WorstCaseNotes.of(shape);
            Path dir = out.resolve(shape);
            Files.createDirectories(dir);
            Path base = write(dir.resolve("base.txt"), notes.base());
            Path mine = write(dir.resolve("mine.txt"), notes.mine());
            Path theirs = write(dir.resolve("theirs.txt"), notes.theirs());
            List<String> git = List.of("git", "merge-file", "-p", "-L", "mine", "-L", "base", "-L", "theirs",
                    mine.toString(), base.toString(), theirs.toString());
            MergedText ours = TextMerge.withMarkers(notes.base(), notes.mine(), notes.theirs(), "mine", "theirs");
            boolean same = gitOutput(git).equals(ours.text());
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < GIT_RUNS + 2; i++) {
                long start = System.nanoTime();
                gitOutput(git);
                if (i >= 2) {
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
            Collections.sort(times);
            double gitWall = times.get(times.size() / 2);
            RunResult r = runs.stream().filter(x -> x.getParams().getParam("shape").equals(shape)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no JMH result for " + shape));
            double ms = r.getPrimaryResult().getScore();
            double cpuMs = processCpuMsPerMerge(notes);
            int target = TARGET_MS.get(shape);
            boolean met = ms < target && ms <= gitWall;
            ObjectNode c = cases.addObject();
            c.put("case", shape);
            c.put("oursMs", ms);
            c.put("oursErrorMs", r.getPrimaryResult().getScoreError());
            c.put("gitWallMs", gitWall);
            c.put("gitNetMs", Math.max(gitWall - spawnMs, 0.001));
            c.put("ratioToGitWall", ms / gitWall);
            c.put("targetMs", target);
            c.put("met", met);
            c.put("conflicts", ours.conflicts());
            c.put("oursProcessCpuMs", cpuMs);
            c.put("sameResultAsGit", same);
            table.append(String.format(Locale.ROOT, "%-12s %11.3f ± %-5.3f %14.3f %12.3f %10.2fx %6d ms %10s %7s%n", shape,
                    ms, r.getPrimaryResult().getScoreError(), cpuMs, gitWall, ms / gitWall, target, met ? "yes" : "NO",
                    same ? "yes" : "NO"));
        }
        table.append("met = under the target and not slower than the git process (wall time). ours CPU = CPU time of the\n"
                + "whole JVM per merge (both threads: the two diffs of a long merge run side by side), for comparison with\n"
                + "git's single-threaded process.\n");
    }

    /**
     * CPU time of the whole JVM per merge, every thread included, over 20 merges after 5 unmeasured ones: the
     * JMH figure is wall time, and a long merge uses two threads.
     */
    private static double processCpuMsPerMerge(WorstCaseNotes notes) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < 5; i++) {
            TextMerge.withMarkers(notes.base(), notes.mine(), notes.theirs(), "mine", "theirs");
        }
        long before = os.getProcessCpuTime();
        for (int i = 0; i < 20; i++) {
            TextMerge.withMarkers(notes.base(), notes.mine(), notes.theirs(), "mine", "theirs");
        }
        return (os.getProcessCpuTime() - before) / 20 / 1e6;
    }

    /** git's output; merge-file exits with the number of conflicts, so only a negative or >127 code fails. */
    private static String gitOutput(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 120 s");
        }
        if (p.exitValue() > 127) {
            throw new IllegalStateException(command + " failed with exit code " + p.exitValue());
        }
        return text;
    }

    private static Path write(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
