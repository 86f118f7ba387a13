package org.rnncourse.data;

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

    /**
     * Reads the glossary from the course's {@code data/} folder: {@code ../data} as seen from
     * {@code notebooks/}, or {@code data} from the repository root.
     */
    public static Table load() {
        for (Path candidate : List.of(Path.of("..", "data", "glossary.csv"), Path.of("data", "glossary.csv"))) {
            if (Files.isRegularFile(candidate)) {
                return read(candidate);
            }
        }
        throw new IllegalStateException("The glossary file data/glossary.csv was not found from "
                + Path.of("").toAbsolutePath() + ": open the lesson from the course's notebooks/ folder.");
    }

    /** Reads a glossary CSV file; every column is text, so terms like "1" stay as written. */
    public static Table read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("No glossary file at " + csv.toAbsolutePath());
        }
        Table table;
        try {
            table = Table.read().csv(CsvReadOptions.builder(csv.toFile())
                    .tableName("Glossary")
                    .columnTypes(new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING}));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The glossary file " + csv + " is not a 3-column CSV ("
                    + String.join(", ", COLUMNS) + "): " + e.getMessage(), e);
        }
        if (!table.columnNames().equals(COLUMNS)) {
            throw new IllegalArgumentException("The glossary file " + csv + " has columns " + table.columnNames()
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
