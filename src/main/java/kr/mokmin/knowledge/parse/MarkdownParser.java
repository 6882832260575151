package kr.mokmin.knowledge.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Markdown with optional YAML front matter (the law files: {@code 제목}, {@code 법령ID}, {@code 시행일자} …). Front
 * matter keys become metadata; {@code #} headings become {@link HeadingSpan}s; pipe tables become {@link
 * TableSpan}s; inline markup (emphasis, links, backslash escapes, a few HTML tags) is removed and every other line
 * is kept as it is, so that 조/항/호 lines stay lines.
 */
final class MarkdownParser implements DocumentParser {

    private static final Pattern FRONT_MATTER = Pattern.compile(
            "\\A---[ \\t]*\\n(.*?)\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}([-*_])([ \\t]*\\1){2,}[ \\t]*$");
    private static final Pattern TABLE_DELIMITER = Pattern.compile(
            "^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern FORMAT_TAG = Pattern.compile(
            "(?i)</?(?:b|i|u|s|em|strong|span|sup|sub|small|mark|font|p|div)(?:\\s[^<>]*)?>");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

    @Override
    public Set<DocumentFormat> formats() {
        return Set.of(DocumentFormat.MARKDOWN);
    }

    @Override
    public ExtractedDocument parse(Path file, DocumentFormat format, ParseContext context) {
        TextDecoding.Decoded decoded = TextDecoding.decode(file, context.limits().maxTextChars(), context);
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
        Map<String, String> metadata = new LinkedHashMap<>();
        Matcher fm = FRONT_MATTER.matcher(text);
        if (fm.find()) {
            frontMatter(fm.group(1), metadata, context);
            text = text.substring(fm.end());
        }
        TextAssembler out = new TextAssembler(context);
        String firstH1 = body(text, out, context);
        if (!metadata.containsKey("title")) {
            String title = firstNonBlank(metadata.get("제목"), metadata.get("Title"), firstH1);
            if (title != null) {
                metadata.put("title", title);
            }
        }
        metadata.put("charset", PlainTextParser.charsetName(decoded));
        return out.build(format, metadata, context.warnings());
    }

    private static void frontMatter(String yaml, Map<String, String> metadata, ParseContext context) {
        if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
            context.warn("front matter longer than " + MAX_FRONT_MATTER_CHARS + " characters: ignored");
            return;
        }
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) {
                context.warn("front matter is not a YAML mapping: ignored");
                return;
            }
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                metadata.put(e.getKey(), scalar(e.getValue()));
            }
        } catch (RuntimeException e) {
            context.warn("front matter is not valid YAML (" + e.getClass().getSimpleName() + "): ignored");
        }
    }

    private static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : node) {
                parts.add(scalar(item));
            }
            return String.join(", ", parts);
        }
        if (node.isValueNode()) {
            return node.asString();
        }
        return node.toString();
    }

    /** Writes the body; returns the first level-1 heading's text, or null. */
    private static String body(String text, TextAssembler out, ParseContext context) {
        String[] lines = text.split("\n", -1);
        List<String> block = new ArrayList<>();
        String firstH1 = null;
        for (int i = 0; i < lines.length; i++) {
            if ((i & 1023) == 0) {
                context.checkDeadline();
            }
            String line = lines[i];
            Matcher fence = FENCE.matcher(line);
            if (fence.find()) {
                flush(block, out);
                String marker = fence.group(1);
                List<String> code = new ArrayList<>();
                while (++i < lines.length && !lines[i].strip().startsWith(marker)) {
                    code.add(lines[i]);
                }
                out.lines(String.join("\n", code));
                continue;
            }
            Matcher atx = ATX.matcher(line);
            if (atx.matches()) {
                flush(block, out);
                String heading = inline(atx.group(2) == null ? "" : atx.group(2));
                int level = atx.group(1).length();
                out.heading(level, heading);
                if (level == 1 && firstH1 == null && !heading.isBlank()) {
                    firstH1 = heading.strip();
                }
                continue;
            }
            if (line.contains("|") && i + 1 < lines.length && TABLE_DELIMITER.matcher(lines[i + 1]).matches()) {
                flush(block, out);
                List<List<String>> rows = new ArrayList<>();
                rows.add(cells(line));
                i++; // the delimiter row
                while (i + 1 < lines.length && lines[i + 1].contains("|") && !lines[i + 1].isBlank()) {
                    rows.add(cells(lines[++i]));
                }
                out.table(null, rows);
                continue;
            }
            if (THEMATIC_BREAK.matcher(line).matches()) {
                flush(block, out);
                continue;
            }
            if (line.isBlank()) {
                flush(block, out);
                continue;
            }
            String l = line.startsWith(">") ? line.replaceFirst("^>+\\s?", "") : line;
            block.add(inline(l));
        }
        flush(block, out);
        return firstH1;
    }

    private static void flush(List<String> block, TextAssembler out) {
        if (!block.isEmpty()) {
            out.lines(String.join("\n", block));
            out.blankLine();
            block.clear();
        }
    }

    private static List<String> cells(String row) {
        String r = row.strip();
        if (r.startsWith("|")) {
            r = r.substring(1);
        }
        if (r.endsWith("|") && !r.endsWith("\\|")) {
            r = r.substring(0, r.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\' && i + 1 < r.length() && r.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(inline(cell.toString()).strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(inline(cell.toString()).strip());
        return cells;
    }

    /** Removes inline markup, keeping the words. */
    static String inline(String s) {
        String r = IMAGE.matcher(s).replaceAll("$1");
        r = LINK.matcher(r).replaceAll("$1");
        r = STRONG.matcher(r).replaceAll("$2");
        r = STRIKE.matcher(r).replaceAll("$1");
        r = CODE.matcher(r).replaceAll("$1");
        r = BREAK_TAG.matcher(r).replaceAll("\n");
        r = FORMAT_TAG.matcher(r).replaceAll("");
        return ESCAPE.matcher(r).replaceAll("$1");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
