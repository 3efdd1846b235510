package org.gtt.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The diagram files keep the contract every lesson relies on: well-formed SVG with a viewBox and a title,
 * colours only through CSS custom properties that a dark-mode rule switches, and labels in symbols any
 * language can show (no English words, no Chinese).
 */
class DiagramFilesTest {
    private static final Path FOLDER = Path.of("static", DiagramHandler.FOLDER);
    /** Function names and acronyms written the same way in every language. */
    private static final Set<String> NEUTRAL_WORDS = Set.of("diag", "max", "min", "tanh", "sup", "exp", "log", "MLP", "RNN", "LSTM", "GRU");
    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}{3,}");
    private static final Pattern COLOUR_DECLARATION = Pattern.compile("(?<![-\\w])(fill|stroke|color|stop-color)\\s*:\\s*([^;}]+)");

    @Test
    void everyDiagramIsWellFormedWithAViewBoxATitleAndThemeColours() throws Exception {
        List<Path> files = diagrams();
        assertTrue(files.size() >= 2, "the diagrams are there: " + files);
        for (Path file : files) {
            Document svg = parse(file);
            Element root = svg.getDocumentElement();
            assertEquals("svg", root.getLocalName(), file + ": root element");
            assertTrue(root.getAttribute("viewBox").matches("0 0 \\d+ \\d+"), file + ": viewBox");
            NodeList titles = root.getElementsByTagNameNS("*", "title");
            assertTrue(titles.getLength() > 0 && !titles.item(0).getTextContent().isBlank(), file + ": <title>");

            String style = text(root.getElementsByTagNameNS("*", "style"));
            assertTrue(style.contains("@media (prefers-color-scheme: dark)"), file + ": a dark-mode rule");
            Matcher colour = COLOUR_DECLARATION.matcher(style);
            int colours = 0;
            while (colour.find()) {
                String value = colour.group(2).strip();
                assertTrue(value.startsWith("var(--") || value.equals("none") || value.equals("currentColor"),
                        file + ": '" + colour.group() + "' must use a custom property so dark mode can switch it");
                colours++;
            }
            assertTrue(colours > 0, file + ": colours are set in the style");
            assertEquals(List.of(), hardCodedColours(root), file + ": no colour attributes outside the style");
        }
    }

    @Test
    void labelsAreLanguageNeutralSymbols() throws Exception {
        for (Path file : diagrams()) {
            Element root = parse(file).getDocumentElement();
            // Text node by text node: a variable and its subscript are separate tspans ("W" "hh"), not one word.
            String labels = String.join(" ", textNodes(root));
            Matcher word = WORD.matcher(labels);
            while (word.find()) {
                assertTrue(NEUTRAL_WORDS.contains(word.group()), file + ": '" + word.group() + "' is a word of one language");
            }
            assertFalse(labels.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    file + ": no Chinese in a diagram shared by both languages");
        }
    }

    private static List<Path> diagrams() throws IOException {
        try (Stream<Path> list = Files.list(FOLDER)) {
            return list.filter(path -> path.toString().endsWith(".svg")).sorted().toList();
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(NodeList nodes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.getLength(); i++) out.append(nodes.item(i).getTextContent()).append(' ');
        return out.toString();
    }

    private static List<String> textNodes(Node node) {
        List<String> found = new ArrayList<>();
        if (node.getNodeType() == Node.TEXT_NODE && !"style".equals(node.getParentNode().getLocalName())) found.add(node.getNodeValue());
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) found.addAll(textNodes(child));
        return found;
    }

    private static List<String> hardCodedColours(Node node) {
        List<String> found = new ArrayList<>();
        NamedNodeMap attributes = node.getAttributes();
        if (attributes != null) {
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                String name = attribute.getNodeName();
                if (Set.of("fill", "stroke", "color", "stop-color", "style").contains(name)) found.add(name + "=\"" + attribute.getNodeValue() + "\"");
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) found.addAll(hardCodedColours(child));
        return found;
    }
}
