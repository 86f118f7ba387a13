package org.rnncourse.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgTest {

    @Test
    void aSmallDiagramIsWellFormedAccessibleSvg() {
        Diagram d = new Svg(200, 80, "One box", "A single box labelled h.")
                .roundRect(20, 20, 60, 40, 6, "hidden").textMiddle(50, 45, "h", "label")
                .arrow(80, 40, 150, 40, "forward", 3)
                .group("small").circle(170, 40, 8, "output").end()
                .build();
        Document doc = SvgXml.check(d);
        assertEquals(2, d.boxes());
        assertEquals(200, d.width());
        assertEquals(80, d.height());
        assertEquals(1, SvgXml.count(doc, "polygon", "head-forward"));
        assertEquals("Diagram: One box", d.toString());
        // Colours are attributes as well as CSS, so a page that drops <style> still shows them.
        assertTrue(d.svg().contains("fill=\"#dbe9fb\""));
        assertTrue(d.svg().contains(".hidden{"));
    }

    @Test
    void textIsEscapedSoAnyLabelShowsAsItself() {
        Diagram d = new Svg(100, 40, "a < b & \"c\"", "x > 'y'")
                .text(5, 20, "<script>alert(1)</script> & \u0001", "label").build();
        Document doc = SvgXml.check(d);
        assertEquals("<script>alert(1)</script> & ", doc.getElementsByTagName("text").item(0).getTextContent());
        assertFalse(d.svg().contains("<script>"));
        assertEquals("a < b & \"c\"", d.title());
    }

    @Test
    void valueCellsCarryTheirColourLabelAndTooltip() {
        String red = Palette.diverging(0.5, 0.5);
        Diagram d = new Svg(300, 60, "cells", "three cells")
                .fill(10, 10, 30, 20, Palette.diverging(-1, 1), "-1", "h[0] = -1")
                .fill(40, 10, 30, 20, Palette.diverging(0, 1))
                .fill(70, 10, 30, 20, red, "0.5", null)
                .divergingLegend(120, 20, 100, 1, "value")
                .build();
        Document doc = SvgXml.check(d);
        assertEquals(3, d.boxes(), "legend cells are not boxes");
        assertTrue(d.svg().contains("fill=\"" + red + "\""));
        assertEquals("h[0] = -1", doc.getElementsByTagName("title").item(1).getTextContent());
    }

    @Test
    void paletteColoursFollowTheValue() {
        assertEquals("#f7f7f7", Palette.diverging(0, 1));
        assertEquals("#2166ac", Palette.diverging(-5, 1));
        assertEquals("#b2182b", Palette.diverging(2, 1));
        assertNotEquals(Palette.diverging(0.2, 1), Palette.diverging(0.8, 1));
        assertEquals(Palette.sequential(1), Palette.sequential(3, 3));
        assertNotEquals(Palette.sequential(0.1), Palette.sequential(0.9));
        assertEquals(Palette.INK, Palette.textOn("#f7f7f7"));
        assertEquals("#ffffff", Palette.textOn("#2166ac"));
        assertEquals("#9e9e9e", Palette.diverging(Double.NaN, 1));
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Svg(0, 10, "t", "d"))
                .getMessage().contains("width"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Svg(10, 10, " ", "d"))
                .getMessage().contains("title"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Svg(10, 10, "t", null))
                .getMessage().contains("description"));
        Svg s = new Svg(10, 10, "t", "d");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.arrow(1, 1, 1, 1, "arrow", 1))
                .getMessage().contains("two different"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.rect(Double.NaN, 0, 1, 1, "box"))
                .getMessage().contains("finite"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.fill(0, 0, 1, 1, "red"))
                .getMessage().contains("#rrggbb"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Palette.diverging(1, 0))
                .getMessage().contains("maxAbs"));
        s.group("box");
        assertTrue(assertThrows(IllegalStateException.class, s::build).getMessage().contains("end()"));
        s.end().build();
        assertThrows(IllegalStateException.class, s::build);
        assertThrows(IllegalStateException.class, () -> s.rect(0, 0, 1, 1, "box"));
    }

    @Test
    void numbersAreShortAndLocaleFree() {
        assertEquals("0.333", Diagram.format(1 / 3.0));
        assertEquals("12.5", Diagram.format(12.5));
        assertEquals("2", Diagram.format(2.0));
        assertEquals("1.23e-05", Diagram.format(1.234e-5));
        assertEquals("0", Diagram.format(-0.0001 * 0));
        assertEquals("1.5", Palette.num(1.5));
        assertEquals("3", Palette.num(3.0));
    }
}
