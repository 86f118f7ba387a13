package org.rnncourse.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnncourse.scratch.GradientFlow;

class GradientStripTest {
    @Test
    void oneChainBoxAndOneCellPerStepAndStripFromTheMeasuredNorms() {
        GradientFlow.Measurement small = GradientFlow.measure(0.5, 100, 1);
        GradientFlow.Measurement large = GradientFlow.measure(3.0, 100, 1);
        Diagram d = GradientStrip.of(small, large);
        SvgXml.check(d);
        // 100 chain boxes, the loss, and 100 cells per strip.
        assertEquals(100 + 1 + 2 * 100, d.boxes());
        // The first step's colour is the measured ratio: deep blue for small weights, red for large ones.
        double maxAbs = Math.ceil(Math.max(Math.abs(Math.log10(small.firstToLastRatio())), Math.abs(Math.log10(large.firstToLastRatio()))));
        assertTrue(d.svg().contains(Palette.diverging(Math.log10(small.firstToLastRatio()), maxAbs)));
        assertTrue(d.svg().contains(Palette.diverging(Math.log10(large.firstToLastRatio()), maxAbs)));
        assertTrue(Math.log10(small.firstToLastRatio()) < -10 && Math.log10(large.firstToLastRatio()) > 5);
        assertTrue(d.svg().contains(String.format(java.util.Locale.ROOT, "t = 1: ‖∂L/∂h_t‖ = %.2e", small.gradientNorm(1))));
        assertTrue(d.description().contains("W_aa scale 0.5") && d.description().contains("W_aa scale 3"));
    }

    @Test
    void moreStepsGiveMoreCellsAndAWiderChain() {
        Diagram shortRun = GradientStrip.of(GradientFlow.measure(0.5, 10, 1));
        Diagram longRun = GradientStrip.of(GradientFlow.measure(0.5, 20, 1));
        assertEquals(10 + 1 + 10, shortRun.boxes());
        assertEquals(20 + 1 + 20, longRun.boxes());
        assertTrue(longRun.width() >= shortRun.width());
        assertTrue(GradientStrip.of(GradientFlow.measure(0.5, 10, 1), GradientFlow.measure(3, 10, 1)).height() > shortRun.height());
    }

    @Test
    void measurementsOfDifferentLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientStrip.of(GradientFlow.measure(0.5, 10, 1), GradientFlow.measure(0.5, 20, 1)));
        assertTrue(e.getMessage().contains("10 and 20"), e.getMessage());
        assertThrows(IllegalArgumentException.class, GradientStrip::of);
    }
}
