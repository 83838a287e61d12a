package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * One run of the CLI in the test's JVM with its output captured, shared by the CLI tests. Every run also checks
 * the standard every command keeps: whatever happens, a person never sees a stack trace or a Java exception name.
 */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} with the real environment (variables, console settings, keyring). */
    static CliRun of(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        return checked(CliMain.run(args, new PrintWriter(o), new PrintWriter(e)), o, e);
    }

    /**
     * Runs {@code args} as the holder of {@code token}, given the way a script gives it: in {@code CONCORD_TOKEN}
     * (the command line refuses {@code --token}). The rest is the real environment.
     */
    static CliRun as(String token, String... args) {
        CliEnvironment machine = CliEnvironment.system();
        Map<String, String> env = new HashMap<>(machine.env());
        env.put(TokenInput.ENV, token);
        return of(new CliEnvironment(env, machine.systemFile(), machine.secrets(), machine.browser(), machine.stdin(),
                machine.clock()), args);
    }

    /** Runs {@code args} with a test's environment (its variables, secret store, browser, stdin and clock). */
    static CliRun of(CliEnvironment environment, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        return checked(CliMain.run(args, new PrintWriter(o), new PrintWriter(e), environment), o, e);
    }

    private static CliRun checked(int code, StringWriter o, StringWriter e) {
        CliRun run = new CliRun(code, o.toString(), e.toString());
        assertThat(run.out() + run.err()).as("what the person sees")
                .doesNotContain("\tat ").doesNotContain("Exception");
        return run;
    }
}
