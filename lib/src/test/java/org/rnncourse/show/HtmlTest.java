package org.rnncourse.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;
import org.rnncourse.Course;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void aCutTableAndBadArgumentsAreToldInVietnamese() {
        double[] x = new double[120];
        Course.setLanguage("vi");
        String html = Html.table(Table.create("long", DoubleColumn.create("x", x)), 10);
        assertTrue(html.contains("… còn 110 hàng nữa (tổng cộng 120)"), html);
        Course.setLanguage("en");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Html.table(words(), 0),
                "maxRows must be at least 1, got 0", "maxRows phải ít nhất là 1, nhận được 0");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Html.table(null),
                "table is null: pass a tech.tablesaw.api.Table", "table là null: hãy truyền một tech.tablesaw.api.Table");
    }

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
        assertTrue(html.contains("<th style=\"text-align:left\">term</th><th style=\"text-align:right\">score</th>"), html);
        assertTrue(html.contains(">RNN</td>"), html);
        assertTrue(html.contains(">-2.25</td>"), html);
        assertEquals(2, html.split("<tr>", -1).length - 2, "one header row and two body rows");
    }

    @Test
    void cellTextIsEscapedSoItShowsAsItself() {
        String html = Html.table(words());
        assertTrue(html.contains(">&lt;b&gt;&amp;</td>"), html);
        assertFalse(html.contains("<b>&"), html);
    }

    @Test
    void numbersAreRightAlignedAndTextIsLeftAlignedEvenUnderJupyterLabsStylesheet() {
        String html = Html.table(words());
        // One rule down a column: 1.5 and -2.25 both with two decimals.
        assertTrue(html.contains("<td style=\"text-align:right\">1.50</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">-2.25</td>"), html);
        // JupyterLab right-aligns every cell unless told otherwise: a review must read from the left.
        assertTrue(html.contains("<td style=\"text-align:left\">RNN</td>"), html);
    }

    @Test
    void aDecimalColumnNeverMixesDecimalsAndNeverShowsSeventeenDigits() {
        Table t = Table.create("h", DoubleColumn.create("h_t[4]", 0.1356, 0.0629, 0.205),
                DoubleColumn.create("third", 1.0 / 13, 3.0 / 13, 0.8200000000000001),
                DoubleColumn.create("whole", 1, -3, 12));
        String html = Html.table(t);
        assertTrue(html.contains(">0.2050</td>") && !html.contains(">0.205</td>"), html);
        assertTrue(html.contains(">0.2308</td>") && html.contains(">0.8200</td>"), html);
        assertFalse(html.contains("0.23076923076923078") || html.contains("0.8200000000000001"), html);
        assertTrue(html.contains(">-3</td>") && html.contains(">12</td>"), html);
        assertTrue(Html.text(t, 10).contains("0.2050"), Html.text(t, 10));
    }

    @Test
    void aColumnGivenItsOwnPrintFormatKeepsIt() {
        DoubleColumn p = DoubleColumn.create("P(positive)", 0.99689, 0.0019, 0.209);
        p.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(3));
        String html = Html.table(Table.create("Your reviews", p));
        assertTrue(html.contains(">0.997</td>") && html.contains(">0.002</td>") && html.contains(">0.209</td>"), html);
    }

    @Test
    void textColumnsHoldingNumbersTheLibraryWroteStayRightAligned() {
        Table t = Table.create("losses", StringColumn.create("loss", "1.234e-05", "2.10×", "–", "1,280,000", "diverged"),
                StringColumn.create("review", "a fine film", "12", "", "bad", "good"),
                StringColumn.create("kept?", "yes", "no", "yes", "no", "yes"));
        String html = Html.table(t);
        assertTrue(html.contains("<td style=\"text-align:right\">1.234e-05</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">diverged</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">12</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">yes</td>"), html);
    }

    @Test
    void preformattedTextHasNormalLineSpacingSoBoxLinesJoin() {
        String pre = Html.pre("┃ a ┃\n│ <b> │");
        assertTrue(pre.startsWith("<pre style=\"margin:0;line-height:normal;"), pre);
        assertTrue(pre.contains("│ &lt;b&gt; │"), pre);
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
