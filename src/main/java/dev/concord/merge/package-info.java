/**
 * Three-way merge of records and of long text, and the diffs the console shows. Pure functions over
 * domain values; the line diffs are a port of git's xdiff (so merges agree with git merge-file), word
 * diffs come from java-diff-utils. No I/O, no UI.
 */
package dev.concord.merge;
