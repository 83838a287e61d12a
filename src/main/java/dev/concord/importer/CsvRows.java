package dev.concord.importer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV with a header row naming the fields ({@code id} and {@code version} optional), parsed by Jackson's
 * CSV module. Cells are text; {@link CellValues} turns them into wire values by each field's type.
 * Unknown or repeated columns refuse the file before any row is read.
 */
final class CsvRows implements RowReader {
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private final EntityKind kind;
    private final MappingIterator<List<String>> rows;
    private final List<String> header;
    private boolean broken;

    CsvRows(BufferedReader text, EntityKind kind) throws IOException {
        this.kind = kind;
        this.rows = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(text);
        if (!rows.hasNextValue()) {
            throw new ImportFileException("The file has no header row");
        }
        this.header = checkHeader(kind, rows.nextValue());
    }

    @Override
    public SourceRow next() throws IOException {
        if (broken) {
            return null;
        }
        int line = rows.getCurrentLocation().getLineNr();
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            line = Math.max(line, rows.getParser().currentTokenLocation().getLineNr());
            List<String> cells = rows.nextValue();
            if (cells.size() == 1 && cells.get(0).isBlank() && header.size() > 1) {
                return next();
            }
            if (cells.size() != header.size()) {
                return new SourceRow.Unreadable(line, null, "has " + cells.size() + " cells but the header has "
                        + header.size() + " columns");
            }
            Map<String, Object> all = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                FieldSpec spec = kind.field(column).orElse(null);
                all.put(column, spec == null ? cells.get(i) : CellValues.wire(spec, cells.get(i)));
            }
            return ControlColumns.row(line, all);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            // After a broken quote the parser cannot find the next row reliably: stop, and say so.
            broken = true;
            return new SourceRow.Unreadable(line, null, "is not valid CSV (" + ControlColumns.shorten(
                    e.getOriginalMessage()) + "); the rest of the file was not read");
        }
    }

    private static List<String> checkHeader(EntityKind kind, List<String> raw) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String cell : raw) {
            String name = cell.trim();
            if (name.isEmpty()) {
                throw new ImportFileException("The header row has an empty column name; the first row must name "
                        + "the fields, such as " + example(kind));
            }
            if (!seen.add(name)) {
                throw new ImportFileException("The header row names " + name + " twice");
            }
            if (!name.equals(ControlColumns.ID) && !name.equals(ControlColumns.VERSION) && kind.field(name).isEmpty()) {
                unknown.add(name);
            }
            header.add(name);
        }
        if (!unknown.isEmpty()) {
            throw new ImportFileException("The header row names " + String.join(", ", unknown) + ", which "
                    + (unknown.size() == 1 ? "is" : "are") + " not a field of a " + kind.singular()
                    + ". Columns may be: id, version, " + example(kind)
                    + (header.size() == 1 ? " (is the file separated by commas?)" : ""));
        }
        return header;
    }

    private static String example(EntityKind kind) {
        return String.join(", ", kind.fields().stream().map(FieldSpec::name).toList());
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
