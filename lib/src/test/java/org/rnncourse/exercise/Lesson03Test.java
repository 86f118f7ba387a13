package org.rnncourse.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnncourse.Course;
import org.rnncourse.scratch.Activation;
import org.rnncourse.scratch.OutputLayer;
import org.rnncourse.scratch.RnnCell;
import org.rnncourse.lessons.WorkedExample;

/** Each check against a solution written as in the notebook, and against wrong solutions. */
class Lesson03Test {
    /** A failed assertion in a Vietnamese run must not leave Vietnamese for the next test. */
    @AfterEach
    void backToEnglish() {
        Course.setLanguage("en");
    }

    final WorkedExample ex = WorkedExample.create();

    /** The notebook's solution: one column-form step with plain EJML operations. */
    DMatrixRMaj step(DMatrixRMaj x, DMatrixRMaj h, boolean withTanh) {
        DMatrixRMaj z = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.mult(ex.cell().Wxh(), x, z);
        CommonOps_DDRM.multAdd(ex.cell().Whh(), h, z);
        CommonOps_DDRM.addEquals(z, ex.cell().bh());
        return withTanh ? Activation.TANH.apply(z) : z;
    }

    DMatrixRMaj y(DMatrixRMaj h) {
        DMatrixRMaj y = new DMatrixRMaj(2, 1);
        CommonOps_DDRM.mult(ex.output().Why(), h, y);
        return y;
    }

    /** The notebook's solution of exercise 1: one column-form step with plain EJML operations. */
    static DMatrixRMaj cellStep(DMatrixRMaj Wxh, DMatrixRMaj Whh, DMatrixRMaj bh, DMatrixRMaj x, DMatrixRMaj hPrev) {
        DMatrixRMaj z = new DMatrixRMaj(Wxh.numRows, 1);
        CommonOps_DDRM.mult(Wxh, x, z);
        CommonOps_DDRM.multAdd(Whh, hPrev, z);
        CommonOps_DDRM.addEquals(z, bh);
        return Activation.TANH.apply(z);
    }

    /** The notebook's solution of exercise 2: the forward pass with its cache. */
    static Lesson03.ForwardPass rnnForward(DMatrixRMaj Wxh, DMatrixRMaj Whh, DMatrixRMaj bh, DMatrixRMaj Why, DMatrixRMaj by,
                                           List<DMatrixRMaj> xs) {
        List<DMatrixRMaj> hs = new ArrayList<>(), ys = new ArrayList<>();
        DMatrixRMaj h = new DMatrixRMaj(Wxh.numRows, 1);
        for (DMatrixRMaj x : xs) {
            h = cellStep(Wxh, Whh, bh, x, h);
            DMatrixRMaj y = CommonOps_DDRM.mult(Why, h, null);
            CommonOps_DDRM.addEquals(y, by);
            hs.add(h);
            ys.add(y);
        }
        return new Lesson03.ForwardPass(hs, ys);
    }

    /** The notebook's solution of exercise 3: the row-form batch step by hand. */
    static DMatrixRMaj batchStep(DMatrixRMaj Wax, DMatrixRMaj Waa, DMatrixRMaj ba, DMatrixRMaj X, DMatrixRMaj Aprev) {
        DMatrixRMaj z = CommonOps_DDRM.mult(X, Wax, null);
        CommonOps_DDRM.multAdd(Aprev, Waa, z);
        for (int i = 0; i < z.numRows; i++) for (int j = 0; j < z.numCols; j++) z.add(i, j, ba.get(0, j));
        return Activation.TANH.apply(z);
    }

    static String fails(Runnable r) {
        return assertThrows(AssertionError.class, r::run).getMessage();
    }

    @Test
    void cellStepRightAndWrong() {
        assertEquals("✔ cellStep is right.\n", Output.of(() -> Lesson03.checkCellStep(Lesson03Test::cellStep)));
        assertEquals("✔ cellStep đúng.\n", Bilingual.printedIn("vi", () -> Lesson03.checkCellStep(Lesson03Test::cellStep)));
        Bilingual.Said noTanh = Bilingual.fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> {
            DMatrixRMaj z = CommonOps_DDRM.mult(W, x, null);
            CommonOps_DDRM.multAdd(U, h, z);
            return CommonOps_DDRM.add(z, b, null);
        }));
        assertTrue(noTanh.en().contains("these are the numbers before the activation."), noTanh.en());
        assertTrue(noTanh.vi().contains("đây là các số trước hàm kích hoạt"), noTanh.vi());
        Bilingual.Said row = Bilingual.fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> CommonOps_DDRM.transpose(cellStep(W, U, b, x, h), null)));
        assertTrue(row.en().contains("expected shape (4×1), got (1×4)."), row.en());
        assertTrue(row.vi().contains("cần hình dạng (4×1), nhận được (1×4)."), row.vi());
        assertTrue(row.vi().startsWith("cellStep, với h_1 của ví dụ mẫu: cần hình dạng (4×1), nhận được (1×4).\nGợi ý: ở dạng cột, h_t là một cột"), row.vi());
        Bilingual.Said notCarried = Bilingual.fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> cellStep(W, U, b, x, new DMatrixRMaj(4, 1))));
        assertTrue(notCarried.en().contains("the state is not carried"), notCarried.en());
        assertTrue(notCarried.vi().contains("trạng thái ẩn (hidden state) không được truyền"), notCarried.vi());
        Bilingual.Said noBias = Bilingual.fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> cellStep(W, U, new DMatrixRMaj(4, 1), x, h)));
        assertTrue(noBias.en().contains("bias b_h is missing"), noBias.en());
        assertTrue(noBias.vi().contains("thiếu bias b_h"), noBias.vi());
        Bilingual.Said transposed = Bilingual.fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> cellStep(CommonOps_DDRM.transpose(W, null), U, b, x, h)));
        assertTrue(transposed.en().contains("the function threw") && transposed.en().contains("W_xh (4×3)"), transposed.en());
        assertTrue(transposed.vi().contains("hàm ném ra") && transposed.vi().contains("W_xh (4×3)"), transposed.vi());
        assertTrue(fails(() -> Lesson03.checkCellStep(null)).contains("missing"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson03.checkCellStep(null)).contains("chưa có đáp án"));
    }

    @Test
    void theWorkedExamplesHiddenStateIsNotAnAnswer() {
        // The library's helper hands over h_1 of the worked example; a function returning it fails on random weights.
        DMatrixRMaj h1 = ex.hiddenStates().get(0);
        Bilingual.Said m = Bilingual.fails(() -> Lesson03.checkCellStep((W, U, b, x, h) -> h1));
        assertTrue(m.en().contains("random weights"), m.en());
        assertTrue(m.vi().contains("trọng số ngẫu nhiên"), m.vi());
    }

    @Test
    void rnnForwardRightAndWrong() {
        assertEquals("✔ rnnForward is right.\n", Output.of(() -> Lesson03.checkRnnForward(Lesson03Test::rnnForward)));
        assertEquals("✔ rnnForward đúng.\n", Bilingual.printedIn("vi", () -> Lesson03.checkRnnForward(Lesson03Test::rnnForward)));
        Bilingual.Said forgetful = Bilingual.fails(() -> Lesson03.checkRnnForward((W, U, b, V, c, xs) -> {
            List<DMatrixRMaj> hs = new ArrayList<>(), ys = new ArrayList<>();
            for (DMatrixRMaj x : xs) {
                DMatrixRMaj h = cellStep(W, U, b, x, new DMatrixRMaj(W.numRows, 1));
                hs.add(h);
                ys.add(CommonOps_DDRM.add(CommonOps_DDRM.mult(V, h, null), c, null));
            }
            return new Lesson03.ForwardPass(hs, ys);
        }));
        assertTrue(forgetful.en().contains("the state is not carried"), forgetful.en());
        assertTrue(forgetful.vi().contains("trạng thái ẩn không được truyền"), forgetful.vi());
        Bilingual.Said withH0 = Bilingual.fails(() -> Lesson03.checkRnnForward((W, U, b, V, c, xs) -> {
            Lesson03.ForwardPass p = rnnForward(W, U, b, V, c, xs);
            List<DMatrixRMaj> hs = new ArrayList<>(p.h());
            hs.add(0, new DMatrixRMaj(W.numRows, 1));
            return new Lesson03.ForwardPass(hs, p.y());
        }));
        assertTrue(withH0.en().contains("is h_0 in it?"), withH0.en());
        assertTrue(withH0.vi().contains("có phải h_0 nằm trong đó?"), withH0.vi());
        Bilingual.Said aliased = Bilingual.fails(() -> Lesson03.checkRnnForward((W, U, b, V, c, xs) -> {
            Lesson03.ForwardPass p = rnnForward(W, U, b, V, c, xs);
            DMatrixRMaj last = p.h().get(p.h().size() - 1);
            List<DMatrixRMaj> hs = new ArrayList<>();
            for (int t = 0; t < xs.size(); t++) hs.add(last);
            return new Lesson03.ForwardPass(hs, p.y());
        }));
        assertTrue(aliased.en().contains("same matrix object"), aliased.en());
        assertTrue(aliased.vi().contains("cùng một đối tượng ma trận"), aliased.vi());
        Bilingual.Said early = Bilingual.fails(() -> Lesson03.checkRnnForward((W, U, b, V, c, xs) -> {
            Lesson03.ForwardPass p = rnnForward(W, U, b, V, c, xs);
            List<DMatrixRMaj> ys = new ArrayList<>();
            DMatrixRMaj prev = new DMatrixRMaj(W.numRows, 1);
            for (DMatrixRMaj h : p.h()) {
                ys.add(CommonOps_DDRM.add(CommonOps_DDRM.mult(V, prev, null), c, null));
                prev = h;
            }
            return new Lesson03.ForwardPass(p.h(), ys);
        }));
        assertTrue(early.en().contains("one step too early"), early.en());
        assertTrue(early.vi().contains("sớm một bước"), early.vi());
        Bilingual.Said tanhOut = Bilingual.fails(() -> Lesson03.checkRnnForward((W, U, b, V, c, xs) -> {
            Lesson03.ForwardPass p = rnnForward(W, U, b, V, c, xs);
            List<DMatrixRMaj> ys = new ArrayList<>();
            for (DMatrixRMaj y : p.y()) ys.add(Activation.TANH.apply(y));
            return new Lesson03.ForwardPass(p.h(), ys);
        }));
        assertTrue(tanhOut.en().contains("went through tanh"), tanhOut.en());
        assertTrue(tanhOut.vi().contains("đã đi qua tanh"), tanhOut.vi());
        List<DMatrixRMaj> hs = ex.hiddenStates(), ys = ex.outputs();
        Bilingual.Said copied = Bilingual.fails(() -> Lesson03.checkRnnForward((W, U, b, V, c, xs) -> new Lesson03.ForwardPass(hs, ys)));
        assertTrue(copied.en().contains("random weights"), copied.en());
        assertTrue(copied.vi().contains("trọng số ngẫu nhiên"), copied.vi());
        assertTrue(fails(() -> Lesson03.checkRnnForward((W, U, b, V, c, xs) -> null)).contains("missing"));
        assertTrue(Bilingual.failureIn("vi", () -> Lesson03.checkRnnForward((W, U, b, V, c, xs) -> null)).contains("chưa có đáp án"));
    }

    @Test
    void batchStepRightAndWrong() {
        assertEquals("✔ batchStep is right.\n", Output.of(() -> Lesson03.checkBatchStep(Lesson03Test::batchStep)));
        assertEquals("✔ batchStep đúng.\n", Bilingual.printedIn("vi", () -> Lesson03.checkBatchStep(Lesson03Test::batchStep)));
        Bilingual.Said firstRow = Bilingual.fails(() -> Lesson03.checkBatchStep((W, U, b, X, A) -> {
            DMatrixRMaj z = CommonOps_DDRM.mult(X, W, null);
            CommonOps_DDRM.multAdd(A, U, z);
            for (int j = 0; j < z.numCols; j++) z.add(0, j, b.get(0, j));
            return Activation.TANH.apply(z);
        }));
        assertTrue(firstRow.en().contains("first row only"), firstRow.en());
        assertTrue(firstRow.vi().contains("chỉ được cộng vào hàng đầu tiên"), firstRow.vi());
        Bilingual.Said column = Bilingual.fails(() -> Lesson03.checkBatchStep((W, U, b, X, A) -> CommonOps_DDRM.transpose(batchStep(W, U, b, X, A), null)));
        assertTrue(column.en().contains("column form"), column.en());
        assertTrue(column.vi().contains("dạng cột"), column.vi());
        Bilingual.Said noTanh = Bilingual.fails(() -> Lesson03.checkBatchStep((W, U, b, X, A) -> {
            DMatrixRMaj z = CommonOps_DDRM.mult(X, W, null);
            CommonOps_DDRM.multAdd(A, U, z);
            for (int i = 0; i < z.numRows; i++) for (int j = 0; j < z.numCols; j++) z.add(i, j, b.get(0, j));
            return z;
        }));
        assertTrue(noTanh.en().contains("before the activation"), noTanh.en());
        assertTrue(noTanh.vi().contains("trước hàm kích hoạt"), noTanh.vi());
        Bilingual.Said forgetful = Bilingual.fails(() -> Lesson03.checkBatchStep((W, U, b, X, A) -> batchStep(W, U, b, X, new DMatrixRMaj(A.numRows, A.numCols))));
        assertTrue(forgetful.en().contains("ignores A_prev"), forgetful.en());
        assertTrue(forgetful.vi().contains("bỏ qua A_prev"), forgetful.vi());
    }
}
