package kr.mokmin.triage.route;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a file of labelled complaints for training: JSON Lines (one object per line) or CSV/TSV with a header
 * row, as exported from Korean office tools. Encoding: a byte-order mark if present, else UTF-8 if the bytes are
 * valid UTF-8, else CP949 (the Windows superset of EUC-KR that Excel and 한글 use for "CSV"). Format: from the
 * content type, else sniffed ({@code {} first: JSON Lines).
 *
 * <p>Each record needs a text, as {@code text} or as {@code title} + {@code content} (Korean headers 제목, 내용,
 * 본문 are understood too), and a department field ({@code department}, {@code department_code},
 * {@code departmentCode}, 부서, 부서코드, 담당부서, or the one named by the caller). Records without text or
 * department are reported with their line number, not dropped silently. Plain Java.
 */
public final class TrainingFile {

    public enum Format { JSONL, CSV }

    /** A record: {@code line} is where it starts in the file (1-based). */
    public record Row(int line, String title, String body, String department) {
    }

    public record Problem(int line, String reason) {
    }

    public record Parsed(Format format, Charset charset, List<Row> rows, List<Problem> problems) {
    }

    static final Charset CP949 = Charset.forName("x-windows-949");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> TITLE = List.of("title", "제목");
    private static final List<String> CONTENT = List.of("content", "body", "내용", "본문");
    private static final List<String> TEXT = List.of("text", "민원내용", "텍스트");
    private static final List<String> DEPARTMENT = List.of("department", "department_code", "departmentCode",
            "departmentcode", "dept", "부서", "부서코드", "담당부서", "처리부서");

    private TrainingFile() {
    }

    /**
     * @param contentType the request's media type, may be null
     * @param labelField  the department field's name, or null for the usual names
     */
    public static Parsed parse(byte[] bytes, String contentType, String labelField) {
        Charset charset = charsetOf(bytes, contentType);
        String text = decode(bytes, charset);
        Format format = formatOf(text, contentType);
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (format == Format.JSONL) {
            readJsonLines(text, labelField, rows, problems);
        } else {
            readCsv(text, labelField, rows, problems);
        }
        return new Parsed(format, charset, rows, problems);
    }

    static Charset charsetOf(byte[] b, String contentType) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        String declared = declaredCharset(contentType);
        if (declared != null && Charset.isSupported(declared)) {
            return Charset.forName(declared);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return CP949;
        }
    }

    private static String declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    private static String decode(byte[] bytes, Charset charset) {
        String s = new String(bytes, charset);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    static Format formatOf(String text, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("csv") || type.contains("tab-separated")) {
            return Format.CSV;
        }
        if (type.contains("json")) {
            return Format.JSONL;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' ? Format.JSONL : Format.CSV;
            }
        }
        return Format.CSV;
    }

    private static void readJsonLines(String text, String labelField, List<Row> rows, List<Problem> problems) {
        int lineNo = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                problems.add(new Problem(lineNo, "JSON으로 읽을 수 없습니다"));
                continue;
            }
            if (node == null || !node.isObject()) {
                problems.add(new Problem(lineNo, "JSON 객체가 아닙니다"));
                continue;
            }
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (var entry : node.properties()) {
                JsonNode v = entry.getValue();
                if (v != null && v.isValueNode() && !v.isNull()) {
                    fields.put(entry.getKey(), v.asString());
                }
            }
            addRow(lineNo, fields, labelField, rows, problems);
        }
    }

    private static void readCsv(String text, String labelField, List<Row> rows, List<Problem> problems) {
        CsvReader reader = new CsvReader(text);
        List<String> header = reader.next();
        if (header == null) {
            problems.add(new Problem(1, "빈 파일입니다"));
            return;
        }
        for (int i = 0; i < header.size(); i++) {
            header.set(i, header.get(i).strip());
        }
        while (true) {
            int line = reader.line();
            List<String> record = reader.next();
            if (record == null) {
                break;
            }
            if (record.size() == 1 && record.getFirst().isBlank()) {
                continue;
            }
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                fields.put(header.get(i), record.get(i));
            }
            addRow(line, fields, labelField, rows, problems);
        }
    }

    private static void addRow(int line, Map<String, String> fields, String labelField, List<Row> rows,
                               List<Problem> problems) {
        String department = labelField != null && !labelField.isBlank() ? fields.get(labelField)
                : first(fields, DEPARTMENT);
        String title = first(fields, TITLE);
        String body = first(fields, CONTENT);
        if (isBlank(title) && isBlank(body)) {
            body = first(fields, TEXT);
        }
        if (isBlank(title) && isBlank(body)) {
            problems.add(new Problem(line, "내용이 비어 있습니다 (text 또는 title·content 필요)"));
            return;
        }
        if (isBlank(department)) {
            problems.add(new Problem(line, "부서가 없습니다"));
            return;
        }
        rows.add(new Row(line, title == null ? "" : title.strip(), body == null ? "" : body.strip(),
                department.strip()));
    }

    private static String first(Map<String, String> fields, List<String> names) {
        for (String n : names) {
            String v = fields.get(n);
            if (v != null) {
                return v;
            }
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            for (String n : names) {
                if (e.getKey().equalsIgnoreCase(n)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** RFC 4180 records (quoted fields may hold separators, quotes and line breaks); comma or tab separated. */
    static final class CsvReader {
        private final String text;
        private final char separator;
        private int pos;
        private int line = 1;

        CsvReader(String text) {
            this.text = text;
            int firstBreak = text.indexOf('\n');
            String head = firstBreak < 0 ? text : text.substring(0, firstBreak);
            this.separator = head.indexOf('\t') >= 0 && head.indexOf(',') < 0 ? '\t' : ',';
        }

        /** Line where the next record starts. */
        int line() {
            return line;
        }

        List<String> next() {
            if (pos >= text.length()) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
