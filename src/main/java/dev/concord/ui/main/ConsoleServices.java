package dev.concord.ui.main;

import dev.concord.client.ConcordApi;
import dev.concord.ui.common.ConflictFeed;
import dev.concord.ui.common.TaskExecutor;
import dev.concord.ui.editor.RecordSaver;

/**
 * What one console window talks to: the API client of the signed-in agent, the saver (the retry
 * coordinator), the conflict store's feed and the executor for blocking calls.
 */
public record ConsoleServices(String serverUrl, ConcordApi api, RecordSaver saver, ConflictFeed conflicts,
                              TaskExecutor executor) {
}
