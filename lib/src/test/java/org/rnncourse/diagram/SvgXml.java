package org.rnncourse.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks every diagram test shares: the SVG parses as XML (the JDK's own DOM parser), its root is
 * an accessible {@code svg} with a size, and it carries a non-empty title and description.
 */
final class SvgXml {
    private SvgXml() {}

    /** Parses the diagram's SVG, checks what every diagram must have, and returns the document. */
    static Document check(Diagram d) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(d.svg().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + d.svg(), e);
        }
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("img", root.getAttribute("role"));
        assertTrue(Double.parseDouble(root.getAttribute("width")) > 0);
        assertTrue(Double.parseDouble(root.getAttribute("height")) > 0);
        assertFalse(root.getAttribute("viewBox").isBlank());
        // The first children are <title> and <desc>, not blank, and aria-labelledby names them.
        String title = text(root, "title");
        String desc = text(root, "desc");
        assertFalse(title.isBlank(), "empty <title>");
        assertFalse(desc.isBlank(), "empty <desc>");
        assertEquals(d.title(), title);
        assertEquals(d.description(), desc);
        for (String id : root.getAttribute("aria-labelledby").split(" ")) {
            assertTrue(doc.getElementById(id) != null || d.svg().contains("id=\"" + id + "\""), "aria id " + id);
        }
        return doc;
    }

    private static String text(Element root, String tag) {
        var list = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        assertTrue(list.getLength() > 0, "no <" + tag + ">");
        return list.item(0).getTextContent();
    }

    /** How many elements named {@code tag} carry the class {@code cls}. */
    static int count(Document doc, String tag, String cls) {
        var list = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        int n = 0;
        for (int i = 0; i < list.getLength(); i++) {
            String c = ((Element) list.item(i)).getAttribute("class");
            if (cls == null || java.util.Arrays.asList(c.split(" ")).contains(cls)) {
                n++;
            }
        }
        return n;
    }
}
