package io.mutuality.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as a Jackson tree that remembers the line of every value, by JSON pointer
 * ({@code /days/1/agenda/2/at}), so that any problem found later can name its line.
 * Scalars keep the text as written: an unquoted {@code 11:00} stays the time, not YAML 1.1's
 * base-60 number.
 */
final class LocatedYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final String file;
    final JsonNode tree;
    private final Map<String, Integer> lines;
    private final int firstLine;

    private LocatedYaml(String file, JsonNode tree, Map<String, Integer> lines, int firstLine) {
        this.file = file;
        this.tree = tree;
        this.lines = lines;
        this.firstLine = firstLine;
    }

    /**
     * Parses {@code text}, which starts at line {@code firstLine} of {@code file} (front matter
     * starts after its opening {@code ---}).
     */
    static LocatedYaml parse(String file, String text, int firstLine) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(20);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // where the broken construct began (an unclosed quote) helps more than where parsing gave up
            var mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int line = mark == null ? firstLine : firstLine + mark.getLine();
            throw new CurriculumException(file, line, "is not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new CurriculumException(file, firstLine, "is not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new CurriculumException(file, null, "file is empty");
        }
        Map<String, Integer> lines = new HashMap<>();
        JsonNode tree = convert(root, "", lines, firstLine);
        return new LocatedYaml(file, tree, lines, firstLine);
    }

    private static JsonNode convert(Node node, String pointer, Map<String, Integer> lines, int firstLine) {
        lines.put(pointer, firstLine + node.getStartMark().getLine());
        if (node instanceof MappingNode mapping) {
            ObjectNode object = NODES.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                object.set(key, convert(tuple.getValueNode(), child, lines, firstLine));
                lines.put(
                        child + "#key",
                        firstLine + tuple.getKeyNode().getStartMark().getLine());
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            int i = 0;
            for (Node item : sequence.getValue()) {
                array.add(convert(item, pointer + "/" + i++, lines, firstLine));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return NODES.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return NODES.booleanNode(
                    value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("on"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return NODES.numberNode(Long.parseLong(value.replace("_", "")));
            } catch (NumberFormatException e) {
                return NODES.textNode(value);
            }
        }
        // a decimal keeps its text: version 2026.10 must not become 2026.1
        return NODES.textNode(value);
    }

    /** The line of the value at this pointer, or of the nearest enclosing value. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return firstLine;
            }
            p = p.substring(0, slash);
        }
    }

    /** The line of a key (for "unknown field" problems). */
    int keyLine(String pointer) {
        Integer line = lines.get(pointer + "#key");
        return line != null ? line : line(pointer);
    }
}
