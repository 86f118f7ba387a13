package org.rnncourse.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnncourse.Messages;
import org.rnncourse.nn.Sequential;
import org.rnncourse.nn.layers.Bidirectional;
import org.rnncourse.nn.layers.Dense;
import org.rnncourse.nn.layers.Dropout;
import org.rnncourse.nn.layers.Embedding;
import org.rnncourse.nn.layers.Layer;
import org.rnncourse.nn.layers.RecurrentLayer;
import org.rnncourse.nn.utils.Shapes;

/**
 * A {@link Sequential} model drawn as Keras's {@code keras.utils.plot_model(model, show_shapes=True)}
 * draws it: one box per layer, top to bottom in the order the data flows, each headed
 * {@code name (Type)} and, with shapes, the layer's input and output shape with {@code None} for the
 * batch. Beside each box, its number of weights, the numbers of {@code summary()}.
 *
 * <p>Drawn from the model itself: add a layer or change a size and the picture follows.
 */
public final class ModelDiagram {
    private static final double TOP = 44;
    private static final double HEADER = 26;
    private static final double SHAPES = 24;
    private static final double GAP = 30;
    private static final double LEFT = 24;

    private ModelDiagram() {}

    /** {@code plot_model(model, show_shapes=True)}. */
    public static Diagram plotModel(Sequential model) {
        return plotModel(model, true);
    }

    /**
     * {@code plot_model(model, show_shapes=showShapes)}. Shapes need the model's input shape: start it
     * with {@code new Input(...)} (or call {@code build(...)}).
     */
    public static Diagram plotModel(Sequential model, boolean showShapes) {
        if (model == null) {
            throw new IllegalArgumentException("model is null: build a Sequential first, e.g. new Sequential(new Input(10, 1), new SimpleRNN(50), new Dense(1))");
        }
        List<Layer> layers = model.layers();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("the model \"" + model.name() + "\" has no layers yet: add some before drawing it");
        }
        List<int[]> outputs = model.outputShapes();
        if (showShapes && outputs == null) {
            throw new IllegalArgumentException("the model \"" + model.name() + "\" has no input shape yet, so its shapes "
                    + "are unknown: start it with new Input(...) (or call build(...)), or draw it with plotModel(model, false)");
        }
        List<Node> nodes = new ArrayList<>();
        if (outputs != null) {
            String in = Shapes.withBatch(model.inputShape());
            nodes.add(new Node("input_layer (InputLayer)", null, in, in, "input", null));
        }
        int[] shape = model.inputShape();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String header = l.name() + " (" + l.typeName() + ")";
            String note = l.isBuilt() ? Messages.get("out.model.layerParams", String.format(Locale.ROOT, "%,d", l.countParams())) : null;
            String inShape = shape == null ? null : Shapes.withBatch(shape);
            String outShape = outputs == null ? null : Shapes.withBatch(outputs.get(i));
            String detail = l instanceof Bidirectional b
                    ? b.forwardLayer().name() + " + " + b.backwardLayer().name() : null;
            nodes.add(new Node(header, detail, inShape, outShape, kind(l), note));
            shape = outputs == null ? null : outputs.get(i);
        }
        // Width from the longest text, so long names and shapes never spill out of their box.
        double boxW = 300;
        for (Node n : nodes) {
            boxW = Math.max(boxW, textWidth(n.header, 7.4) + 28);
            if (showShapes) {
                boxW = Math.max(boxW, 2 * (textWidth("Output shape: " + n.out, 6.4) + 16));
            }
        }
        double rowH = HEADER + (showShapes ? SHAPES : 0);
        double noteW = 120;
        double width = LEFT + boxW + noteW + 16;
        double height = TOP + nodes.size() * rowH + (nodes.size() - 1) * GAP + 20;
        // The shapes in the title tell two models of the same name apart (to a screen reader, too).
        String title = Messages.get("out.model.title", model.name(), showShapes ? ", show_shapes=True" : "")
                + (outputs == null ? "" : ": " + Shapes.withBatch(model.inputShape()) + " → " + Shapes.withBatch(model.outputShape()));
        Svg svg = new Svg(width, height, title, describe(model, nodes, showShapes));
        svg.text(LEFT, 26, Messages.get("out.model.heading", model.name(), String.format(Locale.ROOT, "%,d", model.countParams())), "heading");
        double y = TOP;
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            svg.rect(LEFT, y, boxW, HEADER, n.kind);
            svg.textMiddle(LEFT + boxW / 2, y + 17.5, n.header, "label");
            if (showShapes) {
                double half = boxW / 2;
                svg.rect(LEFT, y + HEADER, half, SHAPES, "box");
                svg.rect(LEFT + half, y + HEADER, half, SHAPES, "box");
                svg.textMiddle(LEFT + half / 2, y + HEADER + 16, n.in == null ? "Input shape: —" : "Input shape: " + n.in, "small");
                svg.textMiddle(LEFT + half * 1.5, y + HEADER + 16, "Output shape: " + n.out, "small");
            }
            if (n.note != null) {
                svg.text(LEFT + boxW + 10, y + 17.5, n.note, "note");
            }
            if (n.detail != null) {
                svg.text(LEFT + boxW + 10, y + 31, n.detail, "note");
            }
            if (k + 1 < nodes.size()) {
                svg.arrow(LEFT + boxW / 2, y + rowH + 2, LEFT + boxW / 2, y + rowH + GAP - 2, "arrow");
            }
            y += rowH + GAP;
        }
        return svg.build();
    }

    /** One box: the layer's header, its shapes and the colour class of its kind. */
    private record Node(String header, String detail, String in, String out, String kind, String note) {}

    /** Embeddings read the input (green), recurrent layers hold h_t (blue), Dense gives outputs (orange). */
    private static String kind(Layer l) {
        if (l instanceof Embedding) return "input";
        if (l instanceof RecurrentLayer || l instanceof Bidirectional) return "hidden";
        if (l instanceof Dense) return "output";
        if (l instanceof Dropout) return "dense";
        return "dense";
    }

    private static double textWidth(String s, double perChar) {
        return s == null ? 0 : s.length() * perChar;
    }

    private static String describe(Sequential model, List<Node> nodes, boolean showShapes) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (i > 0) d.append(Messages.get("out.model.then"));
            d.append(n.header);
            if (showShapes) d.append(Messages.get("out.model.shapes", n.in == null ? "—" : n.in, n.out));
            if (n.note != null) d.append(", ").append(n.note);
        }
        return Messages.get("out.model.desc", d.toString(), String.format(Locale.ROOT, "%,d", model.countParams()));
    }
}
