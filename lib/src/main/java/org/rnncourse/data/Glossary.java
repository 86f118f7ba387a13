package org.rnncourse.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The course glossary: each term in English, in Vietnamese, and a one-line explanation, read
 * from {@code data/glossary.csv} (columns {@code term, vietnamese, explanation}).
 */
public final class Glossary {
    /** The columns the file must have, in order. */
    public static final List<String> COLUMNS = List.of("term", "vietnamese", "explanation");

    private Glossary() {}

    /** Reads the course glossary, {@code data/glossary.csv} (see {@link CourseFiles}). */
    public static Table load() {
        try (InputStream in = CourseFiles.open("glossary.csv")) {
            return parse(CsvReadOptions.builder(in), "data/glossary.csv");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read data/glossary.csv: " + e.getMessage(), e);
        }
    }

    /** Reads a glossary CSV file; every column is text, so terms like "1" stay as written. */
    public static Table read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("No glossary file at " + csv.toAbsolutePath());
        }
        return parse(CsvReadOptions.builder(csv.toFile()), csv.toString());
    }

    private static Table parse(CsvReadOptions.Builder options, String source) {
        Table table;
        try {
            table = Table.read().csv(options
                    .tableName("Glossary")
                    .columnTypes(new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING}));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The glossary file " + source + " is not a 3-column CSV ("
                    + String.join(", ", COLUMNS) + "): " + e.getMessage(), e);
        }
        if (!table.columnNames().equals(COLUMNS)) {
            throw new IllegalArgumentException("The glossary file " + source + " has columns " + table.columnNames()
                    + "; expected " + COLUMNS);
        }
        return table;
    }

    /** The row of a term, matched case-insensitively on its start ("hidden state", "bptt"). */
    public static int find(Table glossary, String term) {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("term is empty: give an English term such as \"hidden state\"");
        }
        String wanted = term.trim().toLowerCase();
        for (int row = 0; row < glossary.rowCount(); row++) {
            if (glossary.stringColumn("term").get(row).toLowerCase().startsWith(wanted)) {
                return row;
            }
        }
        return -1;
    }

}
