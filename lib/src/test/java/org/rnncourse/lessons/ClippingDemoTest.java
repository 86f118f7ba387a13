package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnncourse.nn.optimizers.SGD;
import tech.tablesaw.api.Table;

/** Lesson 09's training run with and without clipping. */
class ClippingDemoTest {

    @Test
    void clippingDemoDivergesWithoutClippingAndTrainsWithIt() {
        ClippingDemo.Run plain = ClippingDemo.train("SGD(0.5)", new SGD(0.5), 2.0, 30);
        ClippingDemo.Run clipped = ClippingDemo.train("SGD(0.5, clipnorm=1.0)", new SGD(0.5).clipnorm(1.0), 2.0, 30);
        assertTrue(plain.diverged(), plain.toString());
        assertTrue(plain.message().contains("diverged"));
        assertFalse(clipped.diverged(), clipped.toString());
        assertEquals(30, clipped.losses().size());
        assertTrue(Double.isFinite(clipped.lastLoss()) && clipped.lastLoss() < clipped.firstLoss(), clipped.toString());
        Table t = ClippingDemo.table(plain, clipped);
        assertEquals(30, t.rowCount());
        assertEquals("diverged (inf/NaN)", t.stringColumn(1).get(plain.divergedAtEpoch() - 1));
    }
}
