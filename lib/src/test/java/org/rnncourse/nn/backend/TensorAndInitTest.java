package org.rnncourse.nn.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnncourse.nn.layers.Initializers;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.utils.Shapes;

/** The data container, shape strings and the orthogonal initializer on non-square matrices. */
class TensorAndInitTest {

    @Test
    void javaArraysBecomeRowMajorTensors() {
        Tensor t = Tensor.of(new float[][][] {{{1, 2}, {3, 4}, {5, 6}}});
        assertArrayEquals(new int[] {1, 3, 2}, t.shape());
        assertEquals(4.0, t.get(0, 1, 1));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.data());
        Tensor ids = Tensor.of(new int[][] {{7, 8}, {9, 10}});
        assertEquals(9.0, ids.get(1, 0));
        Tensor picked = ids.take(new int[] {1, 0}, 0, 1);
        assertArrayEquals(new double[] {9, 10}, picked.data());
        assertArrayEquals(new double[][] {{7, 8}, {9, 10}}, ids.toArray2D());
        assertEquals("Tensor(2, 2)", ids.toString());
    }

    @Test
    void shapesPrintLikePython() {
        assertEquals("(None, 10, 64)", Shapes.withBatch(SimpleRNN.builder(64).returnSequences(true).build()
                .outputShape(new int[] {10, 32})));
        assertEquals("(None, 64)", Shapes.withBatch(new SimpleRNN(64).outputShape(new int[] {10, 32})));
        assertEquals("(5,)", Shapes.of(5));
    }

    @Test
    void aLayerOnItsOwnBuildsOnItsFirstBatchAsInKeras() {
        Tensor x = Tensor.zeros(2, 10, 32);
        SimpleRNN all = SimpleRNN.builder(64).returnSequences(true).build();
        SimpleRNN last = SimpleRNN.builder(64).returnState(true).build();
        assertArrayEquals(new int[] {2, 10, 64}, all.forward(x, false).shape());
        assertArrayEquals(new int[] {2, 64}, last.forward(x, false).shape());
        assertArrayEquals(new int[] {2, 64}, last.states().get(0).shape());
        assertEquals(6208, all.countParams());
    }

    @Test
    void orthogonalWideAndTallMatrices() {
        Random rng = new Random(3);
        double[] tall = new double[6 * 3];
        Initializers.orthogonal(tall, 6, 3, rng); // orthonormal columns
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < 6; k++) dot += tall[k * 3 + i] * tall[k * 3 + j];
                assertEquals(i == j ? 1 : 0, dot, 1e-12);
            }
        double[] wide = new double[3 * 6];
        Initializers.orthogonal(wide, 3, 6, rng); // orthonormal rows
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < 6; k++) dot += wide[i * 6 + k] * wide[j * 6 + k];
                assertEquals(i == j ? 1 : 0, dot, 1e-12);
            }
    }
}
