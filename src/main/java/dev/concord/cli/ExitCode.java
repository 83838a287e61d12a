package dev.concord.cli;

/** The exit codes of {@code ./launcher cli}, for scripts. */
public final class ExitCode {
    /** Saved (possibly after a clean merge), or a read that worked. */
    public static final int OK = 0;
    /** Anything else: refused by the server for a reason a retry cannot fix, auth, a server failure. */
    public static final int FAILED = 1;
    /** Bad usage or rejected input (unknown field, bad value, unknown record or conflict id). */
    public static final int USAGE = 2;
    /** A true conflict, stored for manual resolution. */
    public static final int CONFLICT = 3;
    /** The server could not be reached; an edit is kept as pending. */
    public static final int UNREACHABLE = 4;

    private ExitCode() {
    }
}
