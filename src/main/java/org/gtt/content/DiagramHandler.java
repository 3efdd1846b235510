package org.gtt.content;

import com.vladsch.flexmark.util.sequence.Escaping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders {@code ```diagram NAME} blocks: a figure showing {@code static/diagrams/NAME.svg} with the block's
 * text alternative and optional caption.
 * <pre>
 * ```diagram unrolled-rnn
 * alt: One paragraph describing the picture (required)
 * caption: Shown under it (optional)
 * ```
 * </pre>
 * A value may go on over further lines indented by at least one space. The image carries the width and
 * height of the SVG's viewBox, so the page does not jump when it loads.
 */
public final class DiagramHandler implements FencedBlockHandler {
    public static final String KEYWORD = "diagram";
    public static final String FOLDER = "diagrams";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern VIEW_BOX = Pattern.compile(
            "<svg\\b[^>]*\\bviewBox=\"\\s*[-\\d.]+[\\s,]+[-\\d.]+[\\s,]+([\\d.]+)[\\s,]+([\\d.]+)\\s*\"");
    private static final List<String> KEYS = List.of("alt", "caption");

    private final Path folder;

    /** @param folder where the SVG files are (static/diagrams), read at every block so serve --dev sees new ones */
    public DiagramHandler(Path folder) {
        this.folder = folder;
    }

    @Override
    public String render(String argument, String body, BlockContext context) throws BlockException {
        Path svg = NAME.matcher(argument).matches() ? folder.resolve(argument + ".svg") : null;
        if (svg == null || !Files.isRegularFile(svg)) {
            throw new BlockException("unknown diagram '" + argument + "': the diagrams are " + String.join(", ", names()));
        }
        Map<String, String> fields = fields(body);
        String alt = fields.get("alt");
        if (alt == null || alt.isBlank()) {
            throw new BlockException("diagram '" + argument + "' needs 'alt: …', a text alternative in the lesson's language");
        }
        String caption = fields.get("caption");
        String[] size = size(svg, argument);
        StringBuilder html = new StringBuilder("<figure class=\"diagram diagram-").append(argument).append("\">")
                .append("<img src=\"").append(AssetLink.placeholder("static/" + FOLDER + "/" + argument + ".svg"))
                .append("\" alt=\"").append(escape(alt)).append("\" width=\"").append(size[0])
                .append("\" height=\"").append(size[1]).append("\" loading=\"lazy\" decoding=\"async\">");
        if (caption != null && !caption.isBlank()) html.append("<figcaption>").append(escape(caption)).append("</figcaption>");
        return html.append("</figure>").toString();
    }

    /** The names of the diagrams in the folder, sorted, for error messages. */
    private List<String> names() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".svg"))
                    .map(name -> name.substring(0, name.length() - ".svg".length())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Map<String, String> fields(String body) throws BlockException {
        Map<String, String> fields = new LinkedHashMap<>();
        String key = null;
        for (String line : body.split("\n", -1)) {
            if (line.isBlank()) continue;
            if (Character.isWhitespace(line.charAt(0)) && key != null) {
                fields.merge(key, line.strip(), (before, more) -> before.isEmpty() ? more : before + " " + more);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) throw new BlockException("diagram line '" + line.strip() + "' is not 'key: value'");
            key = line.substring(0, colon).strip();
            if (!KEYS.contains(key)) {
                throw new BlockException("unknown key '" + key + "' in a diagram block: allowed keys are " + String.join(", ", KEYS));
            }
            if (fields.put(key, line.substring(colon + 1).strip()) != null) {
                throw new BlockException("'" + key + "' is given twice in this diagram block");
            }
        }
        return fields;
    }

    private static String[] size(Path svg, String name) throws BlockException {
        String text;
        try {
            text = Files.readString(svg, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BlockException("cannot read diagram '" + name + "': " + e.getMessage());
        }
        Matcher viewBox = VIEW_BOX.matcher(text);
        if (!viewBox.find()) throw new BlockException("diagram '" + name + "' has no viewBox=\"0 0 width height\" on its <svg>");
        return new String[] {viewBox.group(1), viewBox.group(2)};
    }

    private static String escape(String text) {
        return Escaping.escapeHtml(text, false);
    }
}
