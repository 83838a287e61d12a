/**
 * The console: views (thin, built in code) and view models (JavaFX properties, no Nodes, tested without a
 * window), grouped by feature: main, editor, conflict, inbox, history, common.
 */
package dev.concord.ui;
