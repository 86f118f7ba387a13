package org.rnncourse.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.BilingualErrors;

class ParametersAndStackTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }


    @Test
    void theCoursesExampleHas24Parameters() {
        assertEquals(24, Parameters.rnnLayer(4, 3));
        assertEquals(24, RnnCell.random(4, 3, Activation.TANH, 0.1, 1).parameterCount());
        // And by counting the entries of the three matrices.
        RnnCell c = RnnCell.random(4, 3, Activation.TANH, 0.1, 1);
        assertEquals(24, c.Wax.getNumElements() + c.Waa.getNumElements() + c.ba.getNumElements());
    }

    @Test
    void outputLayersAndStacks() {
        assertEquals(3 * 2 + 2, Parameters.dense(3, 2));
        assertEquals(24 + 8, Parameters.rnnWithOutput(4, 3, 2));
        assertEquals(24 + (3 * 2 + 2 * 2 + 2), Parameters.stack(4, 3, 2));
        // Keras: SimpleRNN(64) on 32 features has 6,208 weights; SimpleRNN(32) on top of it 3,104.
        assertEquals(6208 + 3104, Parameters.stack(32, 64, 32));
        assertEquals("D_h must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Parameters.rnnLayer(4, 0)).getMessage());
    }

    @Test
    void twoLayerStackShapesAndCount() {
        TwoLayerRnn stack = TwoLayerRnn.random(4, 3, 2, 1, Activation.SIGMOID, 5);
        assertEquals(Parameters.stack(4, 3, 2) + Parameters.dense(2, 1), stack.parameterCount());
        assertEquals(24 + (3 * 2 + 2 * 2 + 2) + (2 * 1 + 1), stack.parameterCount());
        Random r = new Random(2);
        List<DMatrixRMaj> xs = List.of(Matrices.gaussian(5, 4, 1, r), Matrices.gaussian(5, 4, 1, r),
                Matrices.gaussian(5, 4, 1, r));
        TwoLayerRnn.Pass pass = stack.forward(xs);
        assertEquals("(5×3)", Shapes.of(pass.layer1().a(3)));
        assertEquals("(5×2)", Shapes.of(pass.layer2().a(3)));
        assertEquals("(5×1)", Shapes.of(pass.y()));
        assertEquals(3, pass.layer2().timeSteps(), "layer 2 reads every H_t");
        // K_1 is computed from H_1, not from X_1.
        DMatrixRMaj k1 = stack.layer2.step(pass.layer1().a(1), new DMatrixRMaj(5, 2));
        for (int k = 0; k < k1.data.length; k++) {
            assertEquals(k1.data[k], pass.layer2().a(1).data[k], 1e-15);
        }
        assertTrue(stack.toString().contains("39 parameters"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TwoLayerRnn(
                RnnCell.random(4, 3, Activation.TANH, 0.1, 1), RnnCell.random(4, 2, Activation.TANH, 0.1, 1),
                OutputLayer.random(2, 1, Activation.SIGMOID, 0.1, new Random(1))));
        assertEquals("layer2.W_ax has shape (4×2) but the stack expects (3×2): layer 2 reads H_t, so its n_x is "
                + "layer 1's n_h = 3", e.getMessage());
    }

    @Test
    void stackShapeErrorInBothLanguages() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> new TwoLayerRnn(
                RnnCell.random(4, 3, Activation.TANH, 0.1, 1), RnnCell.random(4, 2, Activation.TANH, 0.1, 1),
                OutputLayer.random(2, 1, Activation.SIGMOID, 0.1, new Random(1))),
                "layer2.W_ax has shape (4×2) but the stack expects (3×2): layer 2 reads H_t, so its n_x is layer 1's n_h = 3",
                "layer2.W_ax có hình dạng (4×2) nhưng mạng xếp chồng (stack) cần (3×2): tầng 2 đọc H_t, nên n_x của nó là n_h của tầng 1 = 3");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> new TwoLayerRnn(null, null, null),
                "layer1 is null: give an RnnCell",
                "layer1 là null: hãy truyền vào một RnnCell");
    }
}
