package org.rnncourse.show;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one rule for numbers shown together: at most 4 decimals, the same for all of them. */
class NumbersTest {

    @Test
    void vectorsShowTheirValuesToFourDecimalsAtMostAndAllAlike() {
        assertEquals("[0.82, -0.47]", Numbers.vector(0.8200000000000001, -0.47));
        assertEquals("[0.2308, -0.3077, 0.9231]", Numbers.vector(3.0 / 13, -4.0 / 13, 12.0 / 13));
        assertEquals("[3, -4, 12]", Numbers.vector(3, -4, 12));
        assertEquals("[0.5000, 0.2345]", Numbers.vector(0.5, 0.23449999));
        assertEquals("[]", Numbers.vector());
        assertEquals("null", Numbers.vector((double[]) null));
    }

    @Test
    void aColumnNeverMixesDecimals() {
        assertArrayEquals(new String[] {"0.2322", "0.2050", "-0.0470"}, Numbers.formatAll(0.2322, 0.205, -0.047));
        assertArrayEquals(new String[] {"-3.0", "-0.5", "0.0", "1.0"}, Numbers.formatAll(-3, -0.5, 0, 1));
    }

    @Test
    void tinyOrHugeValuesPutTheWholeGroupInScientificNotation() {
        assertArrayEquals(new String[] {"1.000e+00", "1.234e-05", "0.000e+00"}, Numbers.formatAll(1, 0.00001234, 0));
        assertArrayEquals(new String[] {"1.000e+18", "2.500e-01"}, Numbers.formatAll(1e18, 0.25));
        assertEquals("999999", Numbers.format(999_999));
        assertEquals("0.001", Numbers.format(0.001));
    }

    @Test
    void oneNumberAloneFollowsTheSameRule() {
        assertEquals("0.82", Numbers.format(0.8200000000000001));
        assertEquals("0.2308", Numbers.format(3.0 / 13));
        assertEquals("0", Numbers.format(-0.0));
        assertEquals("1.2346", Numbers.format(1.23455)); // rounded half up, as String.format does
    }

    @Test
    void notANumberAndInfinitiesShowAsJavaPrintsThem() {
        assertArrayEquals(new String[] {"0.5", "NaN", "Infinity", "-Infinity"},
                Numbers.formatAll(0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void aMissingArrayIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Numbers.formatAll((double[]) null));
        assertEquals("values is null: give the numbers to format", e.getMessage());
    }
}
