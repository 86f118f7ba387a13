/**
 * Pictures the lessons draw from the learner's own objects: an SVG builder ({@link
 * org.rnncourse.diagram.Svg}), the finished picture ({@link org.rnncourse.diagram.Diagram}, shown
 * inline in the notebook), the shared colours ({@link org.rnncourse.diagram.Palette}) and one class
 * per kind of diagram. Only the JDK is used to draw: no Graphviz, no network.
 */
package org.rnncourse.diagram;
