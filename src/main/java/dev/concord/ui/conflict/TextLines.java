package dev.concord.ui.conflict;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The lines of a text as a list that cuts a line out only when asked for it, as a virtualized list asks for
 * the few it shows. Splitting 10k-line notes into strings up front cost the dialog's opening a copy of the
 * whole text on the FX thread, and counting its lines with a stream ran interpreted on the first opening.
 * Lines as a text area shows them: a final newline starts an empty last line.
 */
final class TextLines extends AbstractList<String> implements RandomAccess {
    private final String text;
    /** Where each line starts; one more entry (text length + 1) closes the last. */
    private final int[] starts;

    TextLines(String text) {
        this.text = text == null ? "" : text;
        int[] at = new int[64];
        int n = 0;
        at[n++] = 0;
        for (int nl = this.text.indexOf('\n'); nl >= 0; nl = this.text.indexOf('\n', nl + 1)) {
            if (n == at.length) {
                at = Arrays.copyOf(at, n * 2);
            }
            at[n++] = nl + 1;
        }
        if (n == at.length) {
            at = Arrays.copyOf(at, n + 1);
        }
        at[n] = this.text.length() + 1;
        starts = Arrays.copyOf(at, n + 1);
    }

    /** How many lines {@code text} has, as a text area shows it (null or empty: one). */
    static int count(String text) {
        if (text == null) {
            return 1;
        }
        int lines = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            lines++;
        }
        return lines;
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return text.substring(starts[index], starts[index + 1] - 1);
    }

    @Override
    public int size() {
        return starts.length - 1;
    }
}
