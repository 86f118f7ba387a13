/**
 * The from-scratch math of lessons 03–06, 09 and 10, in the row (batch) form X_t·W of the lessons:
 * the simple cell ({@link org.rnncourse.scratch.RnnCell}, {@link org.rnncourse.scratch.Rnn}) and its
 * backward pass ({@link org.rnncourse.scratch.Bptt}), the gated cells
 * ({@link org.rnncourse.scratch.LstmCell}, {@link org.rnncourse.scratch.GruCell}), activations and
 * losses, the numerical gradient check, gradient flow and clipping.
 *
 * <p>Rules of this package:
 * <ul>
 *   <li>It depends on EJML alone (and on the course's number rule {@code show.Numbers} for printing a
 *       matrix): no Tablesaw, no Keras-style API, no lesson code. {@code DependenciesTest} checks it.
 *       Tables and plots of its results are built in {@code org.rnncourse.lessons}.</li>
 *   <li>Each formula is written once. The Keras-style layers ({@code org.rnncourse.nn}) may call it
 *       (softmax, the activations' derivatives, clipping); this package never calls them.</li>
 *   <li>Each cell is checked twice: numerically ({@code GradCheck}, the gradient-check tests) and
 *       against its Keras-style twin with the same weights ({@code TwinsTest}).</li>
 * </ul>
 */
package org.rnncourse.scratch;
