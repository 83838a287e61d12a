package dev.concord.client;

/** Filters of a list call; null means "not set". */
public record ListQuery(String q, String status, Integer limit, String cursor) {
    public static ListQuery all() {
        return new ListQuery(null, null, null, null);
    }
}
