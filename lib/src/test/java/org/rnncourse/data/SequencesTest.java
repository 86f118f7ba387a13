package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

class SequencesTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }
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

    @Test
    void badArgumentsAreToldInBothLanguagesWithKerasNamesKept() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Sequences.padSequences(seqs, 3, "left", "pre", 0),
                "padding must be \"pre\" or \"post\", got \"left\"", "padding phải là \"pre\" hoặc \"post\", nhận được \"left\"");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Sequences.padSequences(seqs, 3, "pre", null, 0),
                "truncating must be \"pre\" or \"post\", got null", "truncating phải là \"pre\" hoặc \"post\", nhận được null");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> Sequences.padSequences(seqs, -3),
                "maxlen must be at least 1 (the length of every padded row), got -3: a row of -3 time steps gives a model nothing to read.",
                "maxlen phải ít nhất là 1 (độ dài của mỗi hàng sau khi đệm), nhận được -3: một hàng có -3 bước thời gian thì mô hình "
                        + "không có gì để đọc.");
        BilingualErrors.assertVietnameseContains(IllegalArgumentException.class,
                () -> Sequences.padSequences(new int[][] {{1}, null}, 2), "sequences[1] là null", "int[]");
        BilingualErrors.assertVietnameseContains(IllegalArgumentException.class,
                () -> Sequences.padSequences(new int[][] {{}, {}}), "mọi chuỗi đều rỗng", "maxlen");
        BilingualErrors.assertVietnameseContains(IllegalArgumentException.class,
                () -> Sequences.padSequences(null, 2), "sequences không được là null");
    }
}
