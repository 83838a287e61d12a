package dev.concord.merge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting text into lines that keep their {@code \n}, so that joining them gives the text back byte
 * for byte. A missing newline at the end is then part of the last line, exactly as git's xdiff sees it:
 * "x" and "x\n" are different lines, which is what makes our clean merges equal git's.
 */
final class Lines {
    private Lines() {
    }

    static List<String> split(String text) {
        List<String> lines = new ArrayList<>(text.length() / 24 + 16);
        int start = 0;
        int length = text.length();
        while (start < length) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? length : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    static String join(List<String> lines) {
        int size = 0;
        for (String line : lines) {
            size += line.length();
        }
        StringBuilder out = new StringBuilder(size);
        for (String line : lines) {
            out.append(line);
        }
        return out.toString();
    }

    /** The line as shown to a person: without its terminator. */
    static String strip(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    static List<String> stripAll(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(strip(line));
        }
        return out;
    }

    static boolean endsWithNewline(List<String> lines) {
        return lines.isEmpty() || lines.get(lines.size() - 1).endsWith("\n");
    }
}
