/**
 * Three-way merge of records and of long text, and the diffs the console shows. Pure functions over
 * domain values; uses java-diff-utils for the line diffs. No I/O, no UI.
 */
package dev.concord.merge;
