package org.rnncourse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rnncourse.BilingualErrors;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.callbacks.EarlyStopping;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Input;
import org.rnncourse.nn.layers.LSTM;
import org.rnncourse.nn.layers.SimpleRNN;
import org.rnncourse.nn.optimizers.Adam;
import org.rnncourse.nn.optimizers.RMSprop;
import org.rnncourse.nn.optimizers.SGD;
import org.rnncourse.nn.trainers.FitOptions;
import org.rnncourse.nn.trainers.TrainingDivergedException;

/** A learner's mistakes end in a message that names the argument and the shapes. */
class BadInputTest {
    @AfterEach
    void backToEnglish() {
        BilingualErrors.english();
    }

    static Sequential model() {
        Sequential m = new Sequential(1L, new Input(10, 32), new SimpleRNN(8), new Dense(1, "sigmoid"));
        m.compile("adam", "binary_crossentropy", "accuracy");
        return m;
    }

    static String message(Class<? extends Throwable> type, Executable e) {
        return assertThrows(type, e).getMessage();
    }

    static void assertContains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "'" + p + "' missing in: " + message);
    }

    @Test
    void wrongInputRank() {
        String m = message(IllegalArgumentException.class,
                () -> model().fit(Tensor.zeros(4, 10), Tensor.zeros(4), new FitOptions().verbose(0)));
        assertContains(m, "x has shape (4, 10)", "(None, 10, 32)", "rank 2 instead of 3");
    }

    @Test
    void wrongFeatureCount() {
        String m = message(IllegalArgumentException.class,
                () -> model().fit(new double[4][10][3], new double[4], new FitOptions().verbose(0)));
        assertContains(m, "x has shape (4, 10, 3)", "(None, 10, 32)");
        String p = message(IllegalArgumentException.class, () -> model().predict(new double[2][9][32]));
        assertContains(p, "(2, 9, 32)", "(None, 10, 32)");
    }

    @Test
    void labelCountDiffersFromExamples() {
        String m = message(IllegalArgumentException.class,
                () -> model().fit(new double[4][10][32], new double[3], new FitOptions().verbose(0)));
        assertContains(m, "x has 4 examples", "y has 3 labels");
    }

    @Test
    void labelShapeDoesNotFitTheOutput() {
        Sequential s = new Sequential(1L, new Input(10, 32), new SimpleRNN(8), new Dense(5, "softmax"));
        s.compile("adam", "categorical_crossentropy", "accuracy");
        String m = message(IllegalArgumentException.class,
                () -> s.fit(new double[4][10][32], new int[4], new FitOptions().verbose(0)));
        assertContains(m, "labels y have shape (4,)", "(None, 5)", "sparse_categorical_crossentropy");
        s.compile("adam", "sparse_categorical_crossentropy");
        String k = message(IllegalArgumentException.class,
                () -> s.fit(new double[2][10][32], new int[] {1, 7}, new FitOptions().verbose(0)));
        assertContains(k, "y[1] = 7.0", "[0, 5)");
    }

    @Test
    void validationSplitOutsideItsRange() {
        assertContains(message(IllegalArgumentException.class, () -> new FitOptions().validationSplit(1.0)),
                "validationSplit", "[0, 1)", "1.0");
        assertContains(message(IllegalArgumentException.class, () -> new FitOptions().validationSplit(-0.1)),
                "validationSplit");
        String m = message(IllegalArgumentException.class,
                () -> model().fit(new double[1][10][32], new double[1], new FitOptions().validationSplit(0.2).verbose(0)));
        assertContains(m, "validationSplit 0.2 of 1 examples leaves no training examples");
    }

    @Test
    void emptyDataset() {
        String m = message(IllegalArgumentException.class,
                () -> model().fit(Tensor.zeros(0, 10, 32), Tensor.zeros(0), new FitOptions().verbose(0)));
        assertContains(m, "x is empty", "(0, 10, 32)");
    }

    @Test
    void raggedSequences() {
        double[][][] x = {new double[10][32], new double[9][32]};
        assertContains(message(IllegalArgumentException.class, () -> Tensor.of(x)), "x[1] has length 9", "pad");
    }

    @Test
    void tokenIdOutsideTheVocabulary() {
        Sequential s = new Sequential(1L, new Input(3), new Embedding(10, 4), new SimpleRNN(2), new Dense(1, "sigmoid"));
        s.compile("adam", "binary_crossentropy");
        String m = message(IllegalArgumentException.class,
                () -> s.fit(new int[][] {{1, 2, 3}, {4, 12, 0}}, new int[] {0, 1}, new FitOptions().verbose(0)));
        assertContains(m, "x[1][1] = 12.0", "[0, 10)");
    }

    @Test
    void recurrentLayerAfterALastOutputOnly() {
        String m = message(IllegalArgumentException.class,
                () -> new Sequential(1L, new Input(10, 32), new SimpleRNN(8), new SimpleRNN(4)));
        assertContains(m, "simple_rnn_1", "(None, 8)", "returnSequences(true)");
    }

    @Test
    void fitBeforeCompileAndUnknownNames() {
        Sequential s = new Sequential(1L, new Input(2, 1), new Dense(1));
        assertContains(message(IllegalStateException.class,
                () -> s.fit(new double[1][2][1], new double[1], new FitOptions())), "compile the model first");
        assertContains(message(IllegalArgumentException.class, () -> s.compile("adam", "hinge")), "loss", "hinge");
        assertContains(message(IllegalArgumentException.class, () -> s.compile("adamw", "mse")), "optimizer", "adamw");
        assertContains(message(IllegalArgumentException.class, () -> s.compile("adam", "mse", "f1")), "metrics", "f1");
        assertContains(message(IllegalArgumentException.class, () -> new Dense(4, "swish")), "activation", "swish");
        assertContains(message(IllegalArgumentException.class, () -> new Dropout(1.0)), "Dropout rate", "[0, 1)");
    }

    @Test
    void lossThatBecomesNaNStopsWithAnExplanation() {
        Sequential s = new Sequential(1L, new Input(3, 1), new SimpleRNN(2), new Dense(1));
        s.compile("sgd", "mse");
        double[][][] x = new double[6][3][1];
        double[] y = new double[6];
        y[3] = 1e300; // finite, but its squared error overflows: in the second batch of 2 when not shuffled
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> s.fit(x, y, new FitOptions().batchSize(2).shuffle(false).verbose(0)));
        assertEquals(1, e.epoch());
        assertEquals(2, e.batch());
        assertContains(e.getMessage(), "epoch 1, batch 2 of 3", "clipnorm", "lower learning rate");
    }

    @Test
    void explodingTrainingIsCaughtToo() {
        // A linear RNN with a huge learning rate: the weights blow up within a few epochs.
        Sequential s = new Sequential(2L, new Input(20, 1), SimpleRNN.builder(8).activation("linear").build(), new Dense(1));
        s.compile(new SGD(5.0), "mse");
        double[][][] x = new double[32][20][1];
        double[] y = new double[32];
        for (int i = 0; i < 32; i++) {
            for (int t = 0; t < 20; t++) x[i][t][0] = Math.sin(i * t);
            y[i] = 10 * Math.cos(i);
        }
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> s.fit(x, y, new FitOptions().epochs(50).batchSize(8).verbose(0)));
        assertContains(e.getMessage(), "epoch " + e.epoch(), "clipping");
    }

    @Test
    void layerNamesAreUnique() {
        String m = message(IllegalArgumentException.class, () -> new Sequential(1L, new Input(2, 1),
                SimpleRNN.builder(3).name("rnn").returnSequences(true).build(), SimpleRNN.builder(3).name("rnn").build()));
        assertContains(m, "'rnn'", "unique");
    }

    @Test
    void returnStateIsForStandaloneLayers() {
        SimpleRNN rnn = SimpleRNN.builder(3).returnState(true).build();
        assertContains(message(IllegalArgumentException.class, () -> new Sequential(1L, new Input(4, 2), rnn)),
                "returnState", "states()");
        rnn.build(new int[] {4, 2}, new java.util.Random(1));
        Tensor out = rnn.forward(Tensor.zeros(5, 4, 2), false);
        assertEquals(out.shape()[1], rnn.states().get(0).shape()[1]);
    }

    // ---- issue 17: strict inputs where they enter ---------------------------------------------

    @Test
    void padSequencesBelowOneIsRefusedBeforeTraining() {
        int[][] seqs = {{1, 2, 3}, {4}};
        assertContains(message(IllegalArgumentException.class, () -> org.rnncourse.data.Sequences.padSequences(seqs, 0)),
                "maxlen", "at least 1", "got 0");
        assertContains(message(IllegalArgumentException.class, () -> org.rnncourse.data.Sequences.padSequences(seqs, -3)),
                "maxlen", "got -3");
        assertContains(message(IllegalArgumentException.class,
                () -> org.rnncourse.data.Sequences.padSequences(new int[][] {{}, {}})), "every sequence is empty");
    }

    @Test
    void aModelWithZeroTimeStepsIsRefused() {
        assertContains(message(IllegalArgumentException.class, () -> new Input(0, 3)), "(0, 3)", "positive");
        Sequential noInput = new Sequential(1L, new Embedding(10, 2), new SimpleRNN(2), new Dense(1, "sigmoid"));
        noInput.compile("adam", "binary_crossentropy");
        String m = message(IllegalArgumentException.class,
                () -> noInput.fit(new int[4][0], new int[4], new FitOptions().verbose(0)));
        assertContains(m, "x has shape (4, 0)", "time steps", "at least 1");
        assertContains(message(IllegalArgumentException.class, () -> new Sequential(1L, new SimpleRNN(2)).build(0, 3)),
                "inputShape", "time steps");
    }

    @Test
    void nonFiniteThresholdsAndRatesAreRefusedWhereTheyEnter() {
        assertContains(message(IllegalArgumentException.class, () -> new Adam().clipnorm(Double.POSITIVE_INFINITY)),
                "clipnorm", "finite number above 0", "Infinity");
        assertContains(message(IllegalArgumentException.class, () -> new SGD().clipvalue(Double.NaN)), "clipvalue", "NaN");
        assertContains(message(IllegalArgumentException.class, () -> new RMSprop().globalClipnorm(-1)), "globalClipnorm", "-1");
        assertContains(message(IllegalArgumentException.class, () -> new Adam(Double.NaN)), "learningRate", "NaN");
        assertContains(message(IllegalArgumentException.class, () -> new SGD(Double.POSITIVE_INFINITY)), "learningRate", "Infinity");
        assertContains(message(IllegalArgumentException.class, () -> new Adam(0.001, 1.0, 0.999, 1e-7)), "beta1", "[0.0, 1.0)");
        assertContains(message(IllegalArgumentException.class, () -> new RMSprop(0.001, 0.9, 0)), "epsilon", "above 0");
        assertContains(message(IllegalArgumentException.class, () -> new Dropout(Double.NaN)), "Dropout rate", "NaN");
        assertContains(message(IllegalArgumentException.class, () -> new Dropout(-0.5)), "Dropout rate", "-0.5");
        assertContains(message(IllegalArgumentException.class, () -> new EarlyStopping("val_loss", 2).baseline(Double.NaN)),
                "baseline", "NaN");
    }

    @Test
    void nonFiniteDataIsRefusedWithItsPlace() {
        double[][][] x = new double[4][10][32];
        x[2][3][1] = Double.NaN;
        assertContains(message(IllegalArgumentException.class, () -> model().fit(x, new double[4], new FitOptions().verbose(0))),
                "x[2][3][1] is NaN", "finite");
        double[] y = {0, 1, Double.POSITIVE_INFINITY, 0};
        assertContains(message(IllegalArgumentException.class,
                () -> model().fit(new double[4][10][32], y, new FitOptions().verbose(0))), "y[2] is Infinity");
        assertContains(message(IllegalArgumentException.class, () -> model().predict(x)), "x[2][3][1] is NaN");
        assertContains(message(IllegalArgumentException.class, () -> model().evaluate(x, new double[4])), "x[2][3][1]");
    }

    @Test
    void nullsAreNamed() {
        assertContains(message(NullPointerException.class, () -> model().predict((double[][][]) null)), "x is null");
        assertContains(message(NullPointerException.class, () -> model().fit(new double[2][10][32], (double[]) null,
                new FitOptions())), "y is null");
        assertContains(message(NullPointerException.class, () -> model().compile((String) null, "mse")), "optimizer is null");
        assertContains(message(NullPointerException.class, () -> model().compile("adam", (String) null)), "loss is null");
        assertContains(message(NullPointerException.class, () -> new Sequential(new Dense(1), null)), "layers[1] is null");
        assertContains(message(NullPointerException.class, () -> new Dense(3, (org.rnncourse.nn.layers.Activation) null)), "activation");
        assertContains(message(NullPointerException.class, () -> new FitOptions().callbacks(new EarlyStopping(), null)),
                "callbacks[1] is null");
        assertContains(message(IllegalArgumentException.class, () -> SimpleRNN.builder(0)), "SimpleRNN units", "got 0");
        assertContains(message(IllegalArgumentException.class, () -> LSTM.builder(-2)), "LSTM units", "got -2");
    }

    @Test
    void slicesOutsideTheTensorNameFromAndTo() {
        Tensor t = Tensor.zeros(3, 2);
        assertContains(message(IllegalArgumentException.class, () -> t.rows(2, 5)), "from = 2", "to = 5", "≤ 3");
        assertContains(message(IllegalArgumentException.class, () -> t.take(new int[] {0, 7}, 0, 2)), "index[1] = 7");
    }

    // ---- issue 18: the same mistakes, told in Vietnamese ----------------------------------------

    static void assertVietnamese(Class<? extends Throwable> type, Executable e, String... parts) {
        BilingualErrors.assertVietnameseContains(type, e, parts);
    }

    @Test
    void dataMistakesAreToldInVietnameseWithTheSameNamesAndShapes() {
        assertVietnamese(IllegalArgumentException.class,
                () -> model().fit(Tensor.zeros(4, 10), Tensor.zeros(4), new FitOptions().verbose(0)),
                "x có hình dạng (4, 10) nhưng mô hình cần đầu vào (None, 10, 32) (số chiều 2 thay vì 3)");
        assertVietnamese(IllegalArgumentException.class,
                () -> model().predict(new double[2][9][32]),
                "x có hình dạng (2, 9, 32) nhưng mô hình cần đầu vào (None, 10, 32) (các kích thước sau trục batch khác nhau)");
        assertVietnamese(IllegalArgumentException.class,
                () -> model().fit(new double[4][10][32], new double[3], new FitOptions().verbose(0)),
                "x có 4 mẫu", "y có 3 nhãn", "mỗi mẫu phải có đúng một nhãn");
        assertVietnamese(IllegalArgumentException.class,
                () -> model().fit(new double[1][10][32], new double[1], new FitOptions().validationSplit(0.2).verbose(0)),
                "validationSplit 0.2 của 1 mẫu không để lại mẫu huấn luyện nào");
        assertVietnamese(IllegalArgumentException.class,
                () -> model().fit(Tensor.zeros(0, 10, 32), Tensor.zeros(0), new FitOptions().verbose(0)),
                "x rỗng: hình dạng (0, 10, 32)");
        double[][][] x = new double[4][10][32];
        x[2][3][1] = Double.NaN;
        assertVietnamese(IllegalArgumentException.class, () -> model().predict(x),
                "x[2][3][1] là NaN: dữ liệu phải là các số hữu hạn");
        Sequential noInput = new Sequential(1L, new Embedding(10, 2), new SimpleRNN(2), new Dense(1, "sigmoid"));
        noInput.compile("adam", "binary_crossentropy");
        assertVietnamese(IllegalArgumentException.class,
                () -> noInput.fit(new int[4][0], new int[4], new FitOptions().verbose(0)),
                "x có hình dạng (4, 0)", "ở trục bước thời gian", "Sequences.padSequences");
    }

    @Test
    void modelMistakesAreToldInVietnamese() {
        Sequential s = new Sequential(1L, new Input(2, 1), new Dense(1));
        assertVietnamese(IllegalStateException.class, () -> s.fit(new double[1][2][1], new double[1], new FitOptions()),
                "hãy compile mô hình trước", "model.compile(new Adam()");
        assertVietnamese(IllegalArgumentException.class, () -> new Sequential(1L, new Input(2, 1),
                SimpleRNN.builder(3).name("rnn").returnSequences(true).build(), SimpleRNN.builder(3).name("rnn").build()),
                "mô hình đã có một tầng tên 'rnn'", "không được trùng nhau");
        assertVietnamese(IllegalArgumentException.class,
                () -> new Sequential(1L, new Input(4, 2), SimpleRNN.builder(3).returnState(true).build()),
                "returnState(true)", "states()");
        assertVietnamese(NullPointerException.class, () -> new Sequential(new Dense(1), null),
                "layers[1] là null: hãy truyền vào một giá trị.");
        assertVietnamese(IllegalArgumentException.class, () -> new Adam().clipnorm(Double.POSITIVE_INFINITY),
                "clipnorm phải là một số hữu hạn lớn hơn 0, nhận được Infinity.");
        assertVietnamese(IllegalArgumentException.class, () -> SimpleRNN.builder(0), "SimpleRNN units", "nhận được 0");
    }

    @Test
    void layerMistakesAreToldInVietnamese() {
        assertVietnamese(IllegalArgumentException.class, () -> new Dense(4, "swish"),
                "không có tên 'swish'", "linear, tanh, relu, sigmoid, softmax");
        assertVietnamese(IllegalArgumentException.class, () -> new Dropout(1.0), "Dropout rate phải nằm trong [0, 1), nhận được 1.0");
        assertVietnamese(IllegalArgumentException.class, () -> new Input(0, 3), "hình dạng (0, 3) của Input", "kích thước dương");
        assertVietnamese(IllegalArgumentException.class,
                () -> new Sequential(1L, new Input(10, 32), new SimpleRNN(8), new SimpleRNN(4)),
                "simple_rnn_1", "(None, 8)", "chỉ trả về đầu ra cuối cùng", "returnSequences(true)");
        Sequential s = new Sequential(1L, new Input(3), new Embedding(10, 4), new SimpleRNN(2), new Dense(1, "sigmoid"));
        s.compile("adam", "binary_crossentropy");
        assertVietnamese(IllegalArgumentException.class,
                () -> s.fit(new int[][] {{1, 2, 3}, {4, 12, 0}}, new int[] {0, 1}, new FitOptions().verbose(0)),
                "chỉ số token x[1][1] = 12.0 nằm ngoài [0, 10)", "kích thước bộ từ vựng");
    }

    @Test
    void labelTensorAndTrainingMistakesAreToldInVietnamese() {
        Sequential s = new Sequential(1L, new Input(10, 32), new SimpleRNN(8), new Dense(5, "softmax"));
        s.compile("adam", "categorical_crossentropy", "accuracy");
        assertVietnamese(IllegalArgumentException.class, () -> s.fit(new double[4][10][32], new int[4], new FitOptions().verbose(0)),
                "nhãn y có hình dạng (4,)", "(None, 5)", "sparse_categorical_crossentropy");
        s.compile("adam", "sparse_categorical_crossentropy");
        assertVietnamese(IllegalArgumentException.class,
                () -> s.fit(new double[2][10][32], new int[] {1, 7}, new FitOptions().verbose(0)),
                "nhãn y[1] = 7.0 không phải mã lớp trong [0, 5)");
        assertVietnamese(IllegalArgumentException.class, () -> s.compile("adam", "hinge"), "loss: không có tên 'hinge'");
        assertVietnamese(IllegalArgumentException.class, () -> s.compile("adam", "mse", "f1"), "metrics: không có tên 'f1'");
        assertVietnamese(IllegalArgumentException.class, () -> Tensor.of(new double[][][] {new double[10][32], new double[9][32]}),
                "x[1] có độ dài 9", "hãy đệm các chuỗi");
        assertVietnamese(IllegalArgumentException.class, () -> new FitOptions().validationSplit(1.0),
                "validationSplit phải nằm trong [0, 1), nhận được 1.0");
        assertVietnamese(IllegalArgumentException.class, () -> Tensor.zeros(3, 2).take(new int[] {0, 7}, 0, 2),
                "index[1] = 7 không phải một hàng", "từ 0 đến 2");

        Sequential d = new Sequential(1L, new Input(3, 1), new SimpleRNN(2), new Dense(1));
        d.compile("sgd", "mse");
        double[] y = new double[6];
        y[3] = 1e300;
        assertVietnamese(TrainingDivergedException.class,
                () -> d.fit(new double[6][3][1], y, new FitOptions().batchSize(2).shuffle(false).verbose(0)),
                "ở epoch 1, lô 2 trên 3", "phân kỳ", "clipnorm(1.0)", "tốc độ học thấp hơn");
    }

    @Test
    void callbackArgumentsAreToldInBothLanguages() {
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> new org.rnncourse.nn.callbacks.ModelCheckpoint(""),
                "ModelCheckpoint: filepath must be a file name such as \"models/best.keras\", got an empty string",
                "ModelCheckpoint: filepath phải là một tên tệp như \"models/best.keras\", nhận được một chuỗi rỗng");
        BilingualErrors.assertMessages(IllegalArgumentException.class, () -> new EarlyStopping().mode("lowest"),
                "EarlyStopping mode must be auto, min or max, got lowest", "mode của EarlyStopping phải là auto, min hoặc max, nhận được lowest");
        Sequential s = new Sequential(1L, new Input(2, 1), new SimpleRNN(2), new Dense(1));
        s.compile("sgd", "mse");
        var checkpoint = new org.rnncourse.nn.callbacks.ModelCheckpoint("best-{val_auc}.keras").monitor("loss");
        double[][][] x = new double[4][2][1];
        BilingualErrors.assertMessages(IllegalArgumentException.class,
                () -> s.fit(x, new double[4], new FitOptions().epochs(1).verbose(0).callbacks(checkpoint)),
                "ModelCheckpoint: the filepath best-{val_auc}.keras names {val_auc}, which is not in the logs [loss] nor epoch",
                "ModelCheckpoint: filepath best-{val_auc}.keras nhắc tới {val_auc}, nhưng nó không có trong nhật ký (logs) [loss] "
                        + "và cũng không phải epoch");
    }
}
