package dev.concord.client;

/** 404: no such record. */
public final class NotFoundException extends ApiException {
    public NotFoundException(String message) {
        super(404, "NOT_FOUND", message);
    }
}
