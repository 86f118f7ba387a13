package org.rnncourse.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.SimpleRNN;

/** Lesson 07's bridge: Keras weights as the course's matrices, and its mistakes told in both languages. */
class NotationBridgeTest {
    final Sequential model = new Sequential(1L, new Input(4, 1), new SimpleRNN(3), new Dense(1));

    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    @Test
    void aKernelKeepsItsShapeAndABiasBecomesARow() {
        DMatrixRMaj kernel = NotationBridge.weight(model, "simple_rnn/kernel");
        assertEquals(1, kernel.numRows);
        assertEquals(3, kernel.numCols);
        DMatrixRMaj bias = NotationBridge.weight(model, "dense/bias");
        assertEquals(1, bias.numRows);
        assertEquals(1, bias.numCols);
        assertEquals(3, NotationBridge.steps(new double[][] {{1}, {2}, {3}}).size());
    }

    @Test
    void mistakesNameTheWeightOrStepInBothLanguages() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> NotationBridge.weight(model, "lstm/kernel"),
                "the model has no weight \"lstm/kernel\"; its weights are [simple_rnn/kernel, simple_rnn/recurrent_kernel, "
                        + "simple_rnn/bias, dense/kernel, dense/bias]",
                "mô hình không có trọng số \"lstm/kernel\"; các trọng số của nó là [simple_rnn/kernel, simple_rnn/recurrent_kernel, "
                        + "simple_rnn/bias, dense/kernel, dense/bias]");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> NotationBridge.weight(null, "dense/bias"),
                "model is null: give the trained Sequential model", "model là null: hãy đưa vào mô hình Sequential đã huấn luyện");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> NotationBridge.steps(new double[][] {{1, 2}, {3}}),
                "sequence step 1 has 1 features, step 0 has 2", "bước 1 của sequence có 1 đặc trưng, bước 0 có 2");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> NotationBridge.matrix(new double[0][]),
                "sequence is empty: give (time steps, features) numbers", "sequence rỗng: hãy đưa vào các số dạng (time steps, features)");
    }
}
