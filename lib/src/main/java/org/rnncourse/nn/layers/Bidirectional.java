package org.rnncourse.nn.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.rnncourse.Messages;
import org.rnncourse.nn.backend.Tensor;
import org.rnncourse.nn.backend.TokenRows;

/**
 * Runs a recurrent layer over the sequence twice, once forwards and once backwards (a copy of the
 * layer with its own weights reads x_T … x_1), and concatenates the two outputs on the last axis:
 * Keras's {@code layers.Bidirectional(layer)} with its default {@code merge_mode="concat"}.
 * At every step the output then knows both what came before and what comes after.
 *
 * <p>Output: (2·units) or, with {@code returnSequences}, (time, 2·units), where the backward
 * half is flipped back so step t of both halves describes the same word. Parameters: twice the
 * wrapped layer's. Inside, the halves are named {@code forward_lstm} and {@code backward_lstm}.
 */
public class Bidirectional extends Layer {
    private final RecurrentLayer forwardLayer, backwardLayer;

    /** {@code new Bidirectional(new LSTM(64))}. */
    public Bidirectional(RecurrentLayer layer) {
        if (layer == null) throw new IllegalArgumentException(Messages.get("nn.layers.bidirectional.null"));
        if (layer.isBuilt()) {
            throw new IllegalArgumentException(Messages.get("nn.layers.bidirectional.built", layer.describe()));
        }
        if (layer.returnState()) {
            throw new IllegalArgumentException(Messages.get("nn.layers.bidirectional.returnState", layer.describe()));
        }
        String base = layer.name() == null ? layer.namePrefix() : layer.name();
        this.forwardLayer = layer;
        this.backwardLayer = layer.sameConfig();
        forwardLayer.name("forward_" + base);
        backwardLayer.name("backward_" + base);
        if (layer.declaredInputShape() != null) inputShape(layer.declaredInputShape());
    }

    /** The layer that reads the sequence in order. */
    public RecurrentLayer forwardLayer() {
        return forwardLayer;
    }

    /** The copy that reads it from the end. */
    public RecurrentLayer backwardLayer() {
        return backwardLayer;
    }

    @Override
    public Layer name(String name) {
        super.name(name);
        renamePaths();
        return this;
    }

    /** Weight paths as Keras writes them: bidirectional/forward_lstm/kernel. */
    private void renamePaths() {
        String own = name() == null ? namePrefix() : name();
        for (RecurrentLayer l : List.of(forwardLayer, backwardLayer)) {
            for (Parameter p : l.parameters()) p.path = own + "/" + l.name() + "/" + p.name();
        }
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int[] s = forwardLayer.outputShape(inputShape);
        s[s.length - 1] *= 2;
        return s;
    }

    @Override
    protected void createParameters(int[] inputShape, Random rng) {
        forwardLayer.build(inputShape, rng);
        backwardLayer.build(inputShape, rng);
        renamePaths();
    }

    /** The forward half's weights, then the backward half's (Keras's order). */
    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>(forwardLayer.parameters());
        ps.addAll(backwardLayer.parameters());
        return Collections.unmodifiableList(ps);
    }

    @Override
    public long countParams() {
        return forwardLayer.countParams() + backwardLayer.countParams();
    }

    /** The final states of the last forward: the forward half's, then the backward half's. */
    public List<Tensor> states() {
        List<Tensor> s = new ArrayList<>(forwardLayer.states());
        s.addAll(backwardLayer.states());
        return s;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        checkInput(x);
        Tensor f = forwardLayer.forward(x, training);
        Tensor b = backwardLayer.forward(reverseTime(x), training);
        if (forwardLayer.returnSequences()) b = reverseTime(b);
        return concatLast(f, b);
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        int[] s = gradOutput.shape();
        int half = s[s.length - 1] / 2;
        Tensor gf = sliceLast(gradOutput, 0, half), gb = sliceLast(gradOutput, half, half);
        if (forwardLayer.returnSequences()) gb = reverseTime(gb);
        Tensor dxf = forwardLayer.backward(gf), dxbReversed = backwardLayer.backward(gb);
        if (dxf == null || dxbReversed == null) return null;
        TokenRows f = dxf.tokenRows(), b = dxbReversed.tokenRows();
        // Per-token gradients (an Embedding below) do not depend on positions: no reversal, just both halves.
        if (f != null && b != null) return f.plus(b);
        Tensor dxb = reverseTime(dxbReversed);
        double[] dx = dxf.data().clone();
        for (int i = 0; i < dx.length; i++) dx[i] += dxb.data()[i];
        return new Tensor(dx, dxf.shape());
    }

    /** (batch, time, f) with the time axis reversed. */
    static Tensor reverseTime(Tensor x) {
        TokenRows rows = x.tokenRows();
        if (rows != null && !rows.isGradient()) return rows.reversed(); // an Embedding's lookup: reverse the ids
        int n = x.dim(0), t = x.dim(1), f = x.dim(2);
        double[] d = new double[x.size()];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < t; j++) System.arraycopy(x.data(), (i * t + j) * f, d, (i * t + (t - 1 - j)) * f, f);
        return new Tensor(d, x.shape());
    }

    private static Tensor concatLast(Tensor a, Tensor b) {
        int fa = a.dim(a.rank() - 1), fb = b.dim(b.rank() - 1), rows = a.size() / fa;
        double[] d = new double[a.size() + b.size()];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a.data(), r * fa, d, r * (fa + fb), fa);
            System.arraycopy(b.data(), r * fb, d, r * (fa + fb) + fa, fb);
        }
        int[] s = a.shape();
        s[s.length - 1] = fa + fb;
        return new Tensor(d, s);
    }

    private static Tensor sliceLast(Tensor a, int from, int width) {
        int f = a.dim(a.rank() - 1), rows = a.size() / f;
        double[] d = new double[rows * width];
        for (int r = 0; r < rows; r++) System.arraycopy(a.data(), r * f + from, d, r * width, width);
        int[] s = a.shape();
        s[s.length - 1] = width;
        return new Tensor(d, s);
    }

    @Override
    public String toString() {
        return (name() == null ? namePrefix() : name()) + " (Bidirectional of " + forwardLayer.typeName() + ")";
    }
}
