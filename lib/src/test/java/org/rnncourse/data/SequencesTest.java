package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequencesTest {
    final int[][] seqs = {{1, 2, 3, 4, 5}, {6, 7}, {}};

    @Test
    void kerasDefaultsPadAndTruncateAtTheFront() {
        int[][] out = Sequences.padSequences(seqs, 3);
        assertArrayEquals(new int[][] {{3, 4, 5}, {0, 6, 7}, {0, 0, 0}}, out);
    }

    @Test
    void postPaddingAndPostTruncation() {
        assertArrayEquals(new int[][] {{3, 4, 5}, {6, 7, 0}, {0, 0, 0}}, Sequences.padSequences(seqs, 3, "post"));
        assertArrayEquals(new int[][] {{1, 2, 3}, {0, 6, 7}, {0, 0, 0}}, Sequences.padSequences(seqs, 3, "pre", "post"));
        assertArrayEquals(new int[][] {{1, 2, 3}, {6, 7, -1}, {-1, -1, -1}},
                Sequences.padSequences(seqs, 3, "post", "post", -1));
    }

    @Test
    void defaultMaxlenIsTheLongestAndInputIsNotChanged() {
        int[][] out = Sequences.padSequences(seqs);
        assertArrayEquals(new int[][] {{1, 2, 3, 4, 5}, {0, 0, 0, 6, 7}, {0, 0, 0, 0, 0}}, out);
        assertArrayEquals(new int[] {6, 7}, seqs[1]);
        assertEquals(0, Sequences.padSequences(new int[0][]).length);
        assertArrayEquals(new int[][] {{9, 9, 1, 2, 3, 4, 5}}, Sequences.padSequences(new int[][] {seqs[0]}, 7, "pre", "pre", 9));
    }

    @Test
    void badArgumentsNameTheArgumentAndAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sequences.padSequences(seqs, 3, "left", "pre", 0));
        assertEquals("padding must be \"pre\" or \"post\", got \"left\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(seqs, 3, "pre", "end", 0));
        assertEquals("truncating must be \"pre\" or \"post\", got \"end\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(seqs, 3, null, "pre", 0));
        assertTrue(e.getMessage().startsWith("padding"));
        e = assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(seqs, -1));
        assertTrue(e.getMessage().startsWith("maxlen"));
        e = assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(new int[][] {{1}, null}, 2));
        assertTrue(e.getMessage().startsWith("sequences[1]"));
        e = assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(null, 2));
        assertTrue(e.getMessage().startsWith("sequences"));
    }
}
