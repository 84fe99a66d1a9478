package io.mutuality.curriculum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The words the web client shows people, read from its TypeScript sources: the text inside html`` templates (between
 * tags, and in title, aria-label, placeholder and alt attributes) and string literals that read as prose. Tests
 * ({@code *.test.ts}) and anything under a {@code test/} folder are left out. Paths are never named: every
 * {@code .ts} file under the folder given is read, wherever it has moved to.
 */
final class FrontendWords {

    /** One piece of text shown to people, and the file it is in (relative to the folder read). */
    record Words(String file, String text) {}

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SHOWN_ATTRIBUTE =
            Pattern.compile("\\b(?:title|aria-label|placeholder|alt)=\"([^\"$]*)\"");
    private static final Pattern STRING = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Prose: at least three words of letters, starting with a letter, and nothing that looks like code or CSS. */
    private static final Pattern PROSE = Pattern.compile("^[\\p{L}\"'(].*\\p{L}+[ ,]+\\p{L}+[ ,.'’-]+\\p{L}+.*$");

    private static final Pattern CODE_LIKE = Pattern.compile(
            "[{};=<>]|\\b(?:px|rem|var\\(|rgba?\\(|http)|^[a-z]+(?:[-.:/][a-z0-9]+)+$" + "|--|=>|\\$\\{");

    private FrontendWords() {}

    static List<Words> read(Path root) throws IOException {
        List<Words> words = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".ts"))
                    .filter(f -> !f.getFileName().toString().endsWith(".test.ts"))
                    .filter(f -> !f.getFileName().toString().endsWith(".d.ts"))
                    .filter(f -> {
                        for (Path part : root.relativize(f)) {
                            if (part.toString().equals("test")
                                    || part.toString().equals("node_modules")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString();
            String source = stripComments(Files.readString(file));
            StringBuilder outside = new StringBuilder();
            int i = 0;
            while (i < source.length()) {
                int start = source.indexOf('`', i);
                if (start < 0) {
                    outside.append(source, i, source.length());
                    break;
                }
                outside.append(source, i, start);
                int end = templateEnd(source, start + 1);
                String body = source.substring(start + 1, end);
                boolean html = source.substring(Math.max(0, start - 4), start).equals("html");
                templateWords(name, body, html, words);
                outside.append(' ');
                i = Math.min(source.length(), end + 1);
            }
            Matcher m = STRING.matcher(outside);
            while (m.find()) {
                String text = m.group(1) != null ? m.group(1) : m.group(2);
                if (isProse(text)) {
                    words.add(new Words(name, unescape(text)));
                }
            }
        }
        return words;
    }

    /** Text of a template: with html, what is between tags and in shown attributes; otherwise the whole, if prose. */
    private static void templateWords(String file, String body, boolean html, List<Words> words) {
        String withoutExpressions = replaceExpressions(body, file, words);
        if (!html) {
            if (isProse(withoutExpressions.strip())) {
                words.add(new Words(file, withoutExpressions.strip()));
            }
            return;
        }
        Matcher attributes = SHOWN_ATTRIBUTE.matcher(withoutExpressions);
        while (attributes.find()) {
            if (!attributes.group(1).isBlank()) {
                words.add(new Words(file, attributes.group(1)));
            }
        }
        for (String piece : TAG.matcher(withoutExpressions).replaceAll("\n").split("\n")) {
            String text = piece.replaceAll("\\s+", " ").strip();
            if (text.chars().anyMatch(Character::isLetter)) {
                words.add(new Words(file, text));
            }
        }
    }

    /** Replaces each ${...} with a space, reading the templates and strings inside it on the way. */
    private static String replaceExpressions(String body, String file, List<Words> words) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int start = body.indexOf("${", i);
            if (start < 0) {
                out.append(body, i, body.length());
                break;
            }
            out.append(body, i, start).append(' ');
            int depth = 1;
            int j = start + 2;
            while (j < body.length() && depth > 0) {
                char c = body.charAt(j);
                if (c == '`') {
                    int end = templateEnd(body, j + 1);
                    boolean html = body.substring(Math.max(0, j - 4), j).equals("html");
                    templateWords(file, body.substring(j + 1, end), html, words);
                    j = end + 1;
                    continue;
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                j++;
            }
            Matcher m = STRING.matcher(
                    body.substring(start + 2, Math.max(start + 2, j - 1)).replaceAll("`[^`]*`", " "));
            while (m.find()) {
                String text = m.group(1) != null ? m.group(1) : m.group(2);
                if (isProse(text)) {
                    words.add(new Words(file, unescape(text)));
                }
            }
            i = j;
        }
        return out.toString();
    }

    /** The index of the backtick that closes a template starting at from, skipping ${...} with nested templates. */
    private static int templateEnd(String s, int from) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '`') {
                return i;
            }
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int depth = 1;
                i += 2;
                while (i < s.length() && depth > 0) {
                    char d = s.charAt(i);
                    if (d == '`') {
                        i = templateEnd(s, i + 1) + 1;
                        continue;
                    }
                    if (d == '{') {
                        depth++;
                    } else if (d == '}') {
                        depth--;
                    }
                    i++;
                }
                continue;
            }
            i++;
        }
        return s.length();
    }

    static boolean isProse(String text) {
        return text != null
                && PROSE.matcher(text).matches()
                && !CODE_LIKE.matcher(text).find();
    }

    private static String unescape(String text) {
        return text.replace("\\'", "'").replace("\\\"", "\"").replace("\\n", " ");
    }

    /** Removes // and /* comments, leaving strings and templates as they are. */
    private static String stripComments(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        char quote = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    out.append(s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == '`') {
                int end = Math.min(s.length() - 1, templateEnd(s, i + 1));
                out.append(s, i, end + 1);
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
                i++;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
