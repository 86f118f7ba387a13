package org.rnncourse.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTest {

    private static Table words() {
        return Table.create("glossary",
                StringColumn.create("term", "RNN", "<b>&"),
                DoubleColumn.create("score", 1.5, -2.25));
    }

    @Test
    void aTableBecomesAnHtmlTableWithHeaderCaptionAndEveryCell() {
        String html = Html.table(words());
        assertTrue(html.startsWith("<table class=\"rnn-course-table\">"), html);
        assertTrue(html.contains(">glossary</caption>"), html);
        assertTrue(html.contains("<th>term</th><th>score</th>"), html);
        assertTrue(html.contains("<td>RNN</td>"), html);
        assertTrue(html.contains(">-2.25</td>"), html);
        assertEquals(2, html.split("<tr>", -1).length - 2, "one header row and two body rows");
    }

    @Test
    void cellTextIsEscapedSoItShowsAsItself() {
        String html = Html.table(words());
        assertTrue(html.contains("<td>&lt;b&gt;&amp;</td>"), html);
        assertFalse(html.contains("<b>&"), html);
    }

    @Test
    void numbersAreRightAlignedAndTextIsNot() {
        String html = Html.table(words());
        assertTrue(html.contains("<td style=\"text-align:right\">1.5</td>"), html);
        assertTrue(html.contains("<td>RNN</td>"), html);
    }

    @Test
    void longTablesSayHowManyRowsWereLeftOut() {
        DoubleColumn x = DoubleColumn.create("x");
        for (int i = 0; i < 120; i++) {
            x.append(i);
        }
        String html = Html.table(Table.create("long", x), 10);
        assertEquals(10, html.split("<tr>", -1).length - 2);
        assertTrue(html.contains("110 more rows (120 in all)"), html);
    }

    @Test
    void badArgumentsNameTheProblem() {
        IllegalArgumentException nullTable = assertThrows(IllegalArgumentException.class, () -> Html.table(null));
        assertTrue(nullTable.getMessage().contains("table is null"));
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> Html.table(words(), 0));
        assertTrue(rows.getMessage().contains("maxRows must be at least 1, got 0"));
    }
}
