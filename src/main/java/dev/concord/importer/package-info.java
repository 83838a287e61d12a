/**
 * Importing records from a file (CSV with a header row, or JSON lines): reading and checking the file,
 * batching, dry-run and all-or-nothing runs, progress and the report. Where the rows go is an
 * {@link dev.concord.importer.ImportTarget}; the server provides one that writes through the same
 * repository code as the API, so an import row gets exactly the validation of a POST or PATCH.
 */
package dev.concord.importer;
