/**
 * The wire contract shared by server and client: paths, headers, the response envelope, error codes,
 * the PATCH body, history and conflict details, and the JSON mapper both sides use.
 */
package dev.concord.api;
