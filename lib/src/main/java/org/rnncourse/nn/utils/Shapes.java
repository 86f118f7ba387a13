package org.rnncourse.nn.utils;

import org.rnncourse.Args;
import org.rnncourse.nn.backend.Tensor;
/**
 * Shapes written the way Python prints them, for cells that compare with Keras output:
 * {@code Shapes.withBatch(rnn.outputShape(new int[] {10, 32}))} gives {@code (None, 10, 64)}.
 */
public final class Shapes {
    private Shapes() {}

    /** {@code (None, 10, 64)}: a shape without its batch axis, as Keras shows it. */
    public static String withBatch(int... shapeWithoutBatch) {
        return Tensor.batchShapeString(Args.notNull("shapeWithoutBatch", shapeWithoutBatch));
    }

    /** {@code (32, 10, 64)} or {@code (5,)}: a full shape, as NumPy shows it. */
    public static String of(int... shape) {
        return Tensor.shapeString(shape);
    }
}
