package dev.concord.client;

/** A call the service refused or could not answer. The message is fit to show an agent. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public ApiException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The error code of the envelope, e.g. CONFLICT_VERSION_MISMATCH. */
    public String code() {
        return code;
    }
}
