package kr.mokmin.knowledge.chunk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.mokmin.knowledge.chunk.Spans.Line;

/**
 * Reads guides, notices, FAQs and welfare pages as a tree of headings: Markdown {@code #} headings (by
 * their level) and the markers of Korean administrative writing — {@code Ⅰ.}, {@code □}, {@code 1.},
 * {@code 가.}, {@code ○}, {@code 1)}, {@code 가)}, {@code (1)}, {@code (가)} — ranked in the order they
 * first appear. A marker line counts as a heading only when it is short and not a sentence. FAQ
 * questions ({@code Q.}, {@code 질문}, {@code 문)}, or in an FAQ any short line ending in "?") start a
 * question node that runs until the next question or heading, so the answer stays with it.
 */
final class OutlineParser {

    private static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*$");
    private static final Pattern QUESTION = Pattern.compile(
            "^(?:\\*\\*)?(?:Q\\s*\\d{0,3}\\s*[.:．)\\]]|Q\\s+|\\[Q\\]|질문\\s*\\d{0,3}\\s*[.:)\\]]|문\\s*\\d{0,3}\\s*[.)])(?:\\*\\*)?\\s*(.*)$");
    private static final Pattern ANSWER = Pattern.compile(
            "^(?:\\*\\*)?(?:A\\s*\\d{0,3}\\s*[.:．)\\]]|A\\s+|\\[A\\]|답변\\s*[.:)\\]]?|답\\s*\\d{0,3}\\s*[.)]).*");
    private static final String[] MARKER_NAMES = {
        "roman", "box", "number", "hangul", "circle", "number)", "hangul)", "(number)", "(hangul)"};
    private static final Pattern[] MARKERS = {
        Pattern.compile("^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3}\\.?|[IVX]{1,4}\\.)\\s+(.+)$"),
        Pattern.compile("^[□■◆◇▣▶►◎]\\s*(.+)$"),
        Pattern.compile("^\\d{1,2}\\\\?\\.\\s+(.+)$"),
        Pattern.compile("^[가-하]\\\\?\\.\\s+(.+)$"),
        Pattern.compile("^(?:[○◦●]|ㅇ(?=\\s))\\s*(.+)$"),
        Pattern.compile("^\\d{1,2}\\)\\s+(.+)$"),
        Pattern.compile("^[가-하]\\)\\s+(.+)$"),
        Pattern.compile("^\\(\\d{1,2}\\)\\s+(.+)$"),
        Pattern.compile("^\\([가-하]\\)\\s+(.+)$"),
    };
    private static final int HEADING_MAX = 50;
    private static final int QUESTION_MAX = 200;
    private static final int TITLE_IN_LOCATOR = 80;

    private final String text;
    private final List<Line> lines;
    private final Tables tables;
    private final boolean faq;
    private final Map<String, Integer> markerRank = new HashMap<>();
    private boolean preambleHasContent;

    OutlineParser(String text, List<Line> lines, Tables tables, boolean faq) {
        this.text = text;
        this.lines = lines;
        this.tables = tables;
        this.faq = faq;
    }

    /** Whether text other than a title stands before the first heading. */
    boolean preambleHasContent() {
        return preambleHasContent;
    }

    /** The root: children are the top-level sections; {@code [0, text length)}. */
    Node parse() {
        Node root = new Node(Node.Type.HEADING, 0);
        root.locator = "";
        root.pathStyle = true;
        root.level = 0;
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        int titleLine = documentTitleLine();
        boolean previousBlank = true;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                previousBlank = true;
                continue;
            }
            boolean paragraphStart = previousBlank;
            previousBlank = false;
            if (tables.inside(line.start()) || i == titleLine) {
                continue;
            }
            String s = text.substring(line.cs(), line.ce());
            Matcher md = MD_HEADING.matcher(s);
            if (md.matches()) {
                String title = md.group(2).strip();
                if (!title.isEmpty()) {
                    heading(stack, line, md.group(1).length(), stripMarker(title), title);
                    continue;
                }
            }
            Matcher q = QUESTION.matcher(s);
            boolean question = q.matches() && !q.group(1).isBlank();
            if (!question && faq && paragraphStart && s.length() <= QUESTION_MAX
                    && (s.endsWith("?") || s.endsWith("？")) && !ANSWER.matcher(s).matches()) {
                question = true;
            }
            if (question) {
                while (stack.peek().type == Node.Type.QUESTION) {
                    stack.pop();
                }
                Node parent = stack.peek();
                Node n = parent.add(new Node(Node.Type.QUESTION, line.start()));
                String title = q.matches() ? q.group(1).strip() : s;
                n.level = 1_000;
                n.label = title;
                n.heading = s;
                n.locator = join(parent.locator, shorten(title));
                n.section = parent.locator.isEmpty() ? null : parent.locator;
                n.pathStyle = true;
                stack.push(n);
                continue;
            }
            if (stack.peek().type != Node.Type.QUESTION) {
                int marker = marker(s);
                if (marker >= 0) {
                    Matcher m = MARKERS[marker].matcher(s);
                    m.matches();
                    String title = m.group(1).strip();
                    if (title.length() <= HEADING_MAX && !sentence(title)) {
                        int rank = markerRank.computeIfAbsent(MARKER_NAMES[marker], k -> markerRank.size());
                        heading(stack, line, 10 + rank, title, s);
                        continue;
                    }
                }
            }
            if (stack.peek() == root) {
                preambleHasContent = true;
            }
        }
        root.end = text.length();
        root.closeChildren();
        return root;
    }

    private void heading(Deque<Node> stack, Line line, int level, String title, String shown) {
        while (stack.size() > 1 && stack.peek().level >= level) {
            stack.pop();
        }
        Node parent = stack.peek();
        Node n = parent.add(new Node(Node.Type.HEADING, line.start()));
        n.level = level;
        n.label = title;
        n.heading = shown.replaceFirst("^#{1,6}\\s+", "").strip();
        n.locator = join(parent.locator, shorten(title));
        n.section = parent.locator.isEmpty() ? null : parent.locator;
        n.pathStyle = true;
        stack.push(n);
    }

    /** The first line, when it is the only level-1 Markdown heading, is the document's title, not a section. */
    private int documentTitleLine() {
        int first = -1;
        int h1 = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.blank()) {
                continue;
            }
            String s = text.substring(l.cs(), l.ce());
            boolean isH1 = s.startsWith("# ");
            if (first < 0) {
                if (!isH1) {
                    return -1;
                }
                first = i;
            }
            if (isH1) {
                h1++;
            }
        }
        return h1 == 1 ? first : -1;
    }

    /** "1. 신청 대상" → "신청 대상": a Markdown heading's own numbering stays out of the path. */
    private static String stripMarker(String title) {
        for (Pattern p : MARKERS) {
            Matcher m = p.matcher(title);
            if (m.matches() && !m.group(1).isBlank()) {
                return m.group(1).strip();
            }
        }
        return title;
    }

    private static int marker(String s) {
        for (int k = 0; k < MARKERS.length; k++) {
            if (MARKERS[k].matcher(s).matches()) {
                return k;
            }
        }
        return -1;
    }

    private static boolean sentence(String title) {
        char last = title.charAt(title.length() - 1);
        return last == '.' || last == '。' || last == '다' || last == '요' || last == '!' || last == '?'
                || last == ',' || title.contains("다. ");
    }

    /** Heading titles in locators lose their markers' trailing colon and are cut at 80 characters. */
    private static String shorten(String title) {
        String t = title.replaceAll("\\*\\*", "").replaceAll("[:：]$", "").strip();
        return t.length() <= TITLE_IN_LOCATOR ? t : t.substring(0, TITLE_IN_LOCATOR - 1) + "…";
    }

    private static String join(String path, String title) {
        return path.isEmpty() ? title : path + " > " + title;
    }
}
