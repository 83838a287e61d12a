/**
 * The client half of optimistic concurrency: the retry coordinator (send only the agent's changes,
 * rebase with a three-way merge on 409, back off with jitter), the durable conflict store and pending
 * edits. No JavaFX controls; listeners are plain callbacks the console adapts.
 */
package dev.concord.sync;
