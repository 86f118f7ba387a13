package org.rnncourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BucketingTest {
    @org.junit.jupiter.api.AfterEach
    void backToEnglish() {
        org.rnncourse.Course.setLanguage("en");
    }

    static final int[][] SEQS = {{1, 2, 3, 4, 5, 6}, {7}, {8, 9}, {1, 2, 3, 4, 5}, {3}, {4, 5}};
    static final int[] LABELS = {0, 1, 0, 1, 0, 1};

    @Test
    void paddedToMaxPadsEveryBatchToTheGlobalLongest() {
        List<Bucketing.Batch> b = Bucketing.paddedToMax(SEQS, LABELS, 4);
        assertEquals(2, b.size());
        assertEquals(6, b.get(0).length());
        assertEquals(6, b.get(1).length());
        assertArrayEquals(new int[] {0, 0, 0, 0, 8, 9}, b.get(0).x()[2]);   // "pre" padding, as Keras
        assertEquals(36, Bucketing.steps(b));
    }

    @Test
    void byLengthPadsEachBatchToItsOwnLongestAndKeepsEverySequenceOnce() {
        List<Bucketing.Batch> b = Bucketing.byLength(SEQS, LABELS, 2, 1);
        assertEquals(3, b.size());
        // sorted lengths 1 1 | 2 2 | 5 6: 2·1 + 2·2 + 2·6 = 18 steps instead of 36
        assertEquals(18, Bucketing.steps(b));
        Set<Integer> seen = new HashSet<>();
        for (Bucketing.Batch batch : b) {
            for (int k = 0; k < batch.indices().length; k++) {
                int i = batch.indices()[k];
                assertTrue(seen.add(i));
                assertEquals(LABELS[i], batch.y()[k]);
                int[] row = batch.x()[k];
                assertEquals(SEQS[i][SEQS[i].length - 1], row[row.length - 1]);
            }
        }
        assertEquals(6, seen.size());
        assertEquals(17.0 / 18, Bucketing.realFraction(b, SEQS), 1e-12);
    }

    @Test
    void bucketingIsFasterOnImdbLikeLengths() {
        int[][] seqs = Bucketing.imdbLikeSequences(400, 800, 3);
        long padded = Bucketing.steps(Bucketing.paddedToMax(seqs, null, 32));
        long bucketed = Bucketing.steps(Bucketing.byLength(seqs, null, 32, 3));
        assertTrue(padded > 2.5 * bucketed, padded + " vs " + bucketed);
        for (int[] s : seqs) assertTrue(s.length >= 10 && s.length <= 800);
        double slow = Bucketing.seconds(Bucketing.paddedToMax(seqs, null, 32), BucketingTest::work, 1);
        double fast = Bucketing.seconds(Bucketing.byLength(seqs, null, 32, 3), BucketingTest::work, 1);
        assertTrue(slow > fast, slow + " vs " + fast);
        assertTrue(Bucketing.speedUp(2, 1).startsWith("speed-up 2.00×"));
        assertEquals("speed-up 3.41× (0.812 s → 0.238 s)", Bucketing.speedUp(0.812, 0.238));
        assertEquals("tăng tốc 3.41× (0.812 s → 0.238 s)", org.rnncourse.OutputInLanguage.vietnamese(() -> Bucketing.speedUp(0.812, 0.238)));
        var bp = Bucketing.paddedToMax(seqs, null, 32);
        assertEquals(2, Bucketing.compare(seqs, bp, Bucketing.byLength(seqs, null, 32, 3), slow, fast).rowCount());
    }

    @Test
    void theComparisonTableIsInTheLearnersLanguage() {
        var padded = Bucketing.paddedToMax(SEQS, LABELS, 4);
        var bucketed = Bucketing.byLength(SEQS, LABELS, 4, 1);
        var en = Bucketing.compare(SEQS, padded, bucketed, 2, 1);
        assertEquals("Padding to the maximum vs bucketing", en.name());
        assertEquals(List.of("batches", "number of batches", "time steps run", "real tokens (%)", "seconds"), en.columnNames());
        assertEquals(List.of("padded to the global maximum", "bucketed by length"), en.stringColumn(0).asList());
        var vi = org.rnncourse.OutputInLanguage.vietnamese(() -> Bucketing.compare(SEQS, padded, bucketed, 2, 1));
        assertEquals("Đệm đến độ dài tối đa so với nhóm theo độ dài", vi.name());
        assertEquals(List.of("các lô", "số lô", "số bước thời gian đã chạy", "token thật (%)", "giây"), vi.columnNames());
        assertEquals(List.of("đệm đến độ dài tối đa chung", "nhóm theo độ dài"), vi.stringColumn(0).asList());
        assertEquals(en.longColumn(2).asList(), vi.longColumn(2).asList(), "the same figures in both languages");
    }

    /** Work proportional to the padded steps, as an RNN's. */
    private static void work(Bucketing.Batch b) {
        double s = 0;
        for (int[] row : b.x()) for (int v : row) for (int k = 0; k < 200; k++) s += Math.sin(v + k);
        if (s == 42) System.out.println(s);
    }

    @Test
    void badInputIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bucketing.byLength(new int[0][], null, 2, 1))
                .getMessage().contains("sequences is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bucketing.byLength(SEQS, new int[] {1}, 2, 1))
                .getMessage().contains("labels has 1 values but sequences has 6"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bucketing.paddedToMax(SEQS, null, 0))
                .getMessage().contains("batchSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bucketing.paddedToMax(new int[][] {{1}, {}}, null, 2))
                .getMessage().contains("sequences[1] is empty"));
    }
}
