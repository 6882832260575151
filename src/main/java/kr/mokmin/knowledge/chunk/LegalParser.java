package kr.mokmin.knowledge.chunk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.mokmin.knowledge.chunk.Spans.Line;

/**
 * Reads Korean legal structure line by line, in both shapes the platform meets: Markdown from
 * legalize-kr ({@code ##### 제N조 (제목)}, {@code **①**}, {@code 1\.}, {@code 가\.}) and plain text as
 * extracted from HWP/PDF ({@code 제1조(목적) 이 조례는 …}, {@code ①}, {@code 1.}, {@code 가.}).
 *
 * <p>Units (each chunked on its own) are 조, 부칙 조 ({@code 부칙 제1조}), 부칙 without articles, and
 * annexes ({@code [별표 1]}). 편/장/절/관 headings, the document title and 부칙 headers are context: their
 * lines belong to the unit that follows. Inside a 조: 항 ①②…, 호 {@code 1.} {@code 1의2.}, 목 {@code 가.};
 * numbering must run in order (a {@code 12.} quoted inside a 부칙 is not a 호).
 *
 * <p>Markdown article headings of the ordinance mirror are sometimes wrong (branch articles as
 * {@code 제202조}, {@code 제0조}, titles shifted by one in files with chapters); when the body starts
 * with its own label ({@code 제2조의2(…)}) or a chapter line, the heading is taken as decoration and the
 * label and title come from the body.
 */
final class LegalParser {

    private static final Pattern MD_HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*$");
    private static final Pattern SECTION = Pattern.compile(
            "^제\\s*(\\d+)\\s*(편|장|절|관)(?:\\s*의\\s*(\\d+))?(?:\\s+(.*)|\\s*)$");
    private static final Pattern ARTICLE = Pattern.compile("^제\\s*(\\d+)\\s*조(?:\\s*의\\s*(\\d+))?");
    private static final Pattern ARTICLE_NO_TITLE = Pattern.compile(
            "^(?:\\s*$|\\s*\\[|\\s*[<〈]\\s*삭\\s*제|\\s*(?:삭\\s*제|생\\s*략)(?:\\s|$|[<〈(\\[])|\\s*(?:부터|내지)(?:\\s|$))");
    private static final Pattern SUPPLEMENT = Pattern.compile(
            "^부\\s*칙(?:\\s*\\([^)]*\\)){0,2}(?:\\s*[<〈][^>〉]*[>〉](?:\\s*\\([^)]*\\))?)?");
    private static final Pattern ANNEX = Pattern.compile(
            "^[\\[［【]\\s*(별표|별지|서식)\\s*([^\\]］】]*?)\\s*[\\]］】]\\s*(.*)$"
                    + "|^(별표|별지)\\s*(제?\\s*\\d+[^\\s]*)\\s*(.*(?:관련\\)|관련\\s*\\))|)$");
    private static final Pattern PARAGRAPH = Pattern.compile("^(?:\\*\\*)?([\\u2460-\\u2473\\u3251-\\u325F\\u32B1-\\u32BF])(?:\\*\\*)?");
    private static final Pattern ITEM = Pattern.compile(
            "^(?:\\*\\*)?(\\d{1,3})(?:\\s*의\\s*(\\d{1,2}))?\\\\?\\.(?:\\*\\*)?(?=\\s|$|[“\"「『(\\[<〈‘'])");
    private static final String HANGUL_ORDER = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허";
    private static final Pattern SUBITEM = Pattern.compile(
            "^(?:\\*\\*)?([" + HANGUL_ORDER + "])\\\\?\\.(?:\\*\\*)?(?=\\s|$|[“\"「『(\\[<〈‘'])");
    private static final Pattern NOTE = Pattern.compile("\\s*(?:<[^>]*>|\\[[^\\]]*\\]|〈[^〉]*〉)\\s*$");
    private static final int SECTION_MAX = 80;
    private static final int MAX_ARTICLE_JUMP = 30;

    private final String text;
    private final List<Line> lines;
    private final Tables tables;

    private final List<Node> units = new ArrayList<>();
    private final Deque<String[]> sections = new ArrayDeque<>(); // {rank, title}
    private Node unit;
    private Node paragraph;
    private Node item;
    private Node subitem;
    private int pending = -1;
    private String supplement;
    /** The 부칙 being read: its 조 are its children. */
    private Node supplementBlock;
    private int lastArticleKey;
    private int lastArticleNumber;
    private int articleCount;
    /** The last line was a Markdown article heading taken as decoration: the body's own label follows. */
    private boolean labelExpected;

    LegalParser(String text, List<Line> lines, Tables tables) {
        this.text = text;
        this.lines = lines;
        this.tables = tables;
    }

    /** Number of 조 (not counting 부칙 조) found by {@link #parse()}. */
    int articleCount() {
        return articleCount;
    }

    /** The units in document order, each with its end set; empty when no 조, 부칙 or annex was found. */
    List<Node> parse() {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank() || tables.inside(line.start())) {
                continue;
            }
            readLine(i, line, text.substring(line.cs(), line.ce()));
        }
        for (int k = 0; k < units.size(); k++) {
            units.get(k).end = k + 1 < units.size() ? units.get(k + 1).start : text.length();
            units.get(k).closeChildren();
        }
        return units;
    }

    private void readLine(int index, Line line, String s) {
        boolean trustLabel = labelExpected;
        labelExpected = false;
        Matcher md = MD_HEADING.matcher(s);
        if (md.matches()) {
            readHeading(index, line, md.group(2));
            return;
        }
        Matcher sup = SUPPLEMENT.matcher(s);
        if (sup.lookingAt() && isSupplementHeader(s, sup.end())) {
            openSupplement(line, s.substring(0, sup.end()).strip());
            int restStart = line.cs() + sup.end();
            int restCs = Spans.skipBlank(text, restStart, line.ce());
            if (restCs < line.ce()) {
                String r = text.substring(restCs, line.ce());
                Matcher a = ARTICLE.matcher(r);
                Label label = a.lookingAt() ? articleLabel(r, a) : null;
                if (label != null) {
                    startArticle(line, label, r);
                } else {
                    startSupplementBody(line);
                }
            }
            return;
        }
        if (unit == null || unit.type != Node.Type.ANNEX) {
            Matcher sec = SECTION.matcher(s);
            if (sec.matches() && isSectionLine(s) && supplement == null) {
                openSection(line, sec);
                return;
            }
        }
        Matcher annex = ANNEX.matcher(s);
        if (annex.matches()) {
            startAnnex(line, annex, s);
            return;
        }
        if (unit == null || unit.type != Node.Type.ANNEX) {
            Matcher a = ARTICLE.matcher(s);
            if (a.lookingAt()) {
                Label label = articleLabel(s, a);
                if (label != null && (trustLabel || inSequence(label))) {
                    startArticle(line, label, s);
                    return;
                }
            }
        }
        if (unit != null && (unit.type == Node.Type.ARTICLE || unit.type == Node.Type.ANNEX)
                && pending < 0 && readSubdivision(line, s)) {
            return;
        }
        // plain content
        if (unit == null && supplement != null && pending >= 0) {
            startSupplementBody(line);
        }
        // otherwise: content of the current unit, or of the prefix before the next unit, or the preamble
    }

    private void readHeading(int index, Line line, String title) {
        String h = title.strip();
        Matcher sup = SUPPLEMENT.matcher(h);
        if (sup.lookingAt() && (sup.end() == h.length() || isSupplementHeader(h, sup.end()))) {
            openSupplement(line, h);
            return;
        }
        Matcher sec = SECTION.matcher(h);
        if (sec.matches() && supplement == null) {
            openSection(line, sec);
            return;
        }
        Matcher annex = ANNEX.matcher(h);
        if (annex.matches()) {
            startAnnex(line, annex, h);
            return;
        }
        Matcher a = ARTICLE.matcher(h);
        if (a.lookingAt()) {
            Label label = headingLabel(h, a);
            if (label != null && !isDecoration(index, label)) {
                startArticle(line, label, null);
                return;
            }
            prefix(line);
            labelExpected = true;
            return;
        }
        prefix(line);
    }

    /** The line belongs to whatever unit comes next (a heading, a chapter line, a 부칙 header). */
    private void prefix(Line line) {
        if (pending < 0) {
            pending = line.start();
        }
        unit = null;
        paragraph = null;
        item = null;
        subitem = null;
    }

    private boolean isSupplementHeader(String s, int headerEnd) {
        if (headerEnd == s.length()) {
            return true;
        }
        String afterWord = s.substring(s.indexOf('칙') + 1).stripLeading();
        char next = afterWord.isEmpty() ? ' ' : afterWord.charAt(0);
        if (next == '<' || next == '〈' || next == '(') {
            return true;
        }
        String rest = s.substring(headerEnd).strip();
        Matcher a = ARTICLE.matcher(rest);
        return a.lookingAt() && articleLabel(rest, a) != null;
    }

    private void openSupplement(Line line, String header) {
        prefix(line);
        supplement = header;
        supplementBlock = null;
        sections.clear();
        lastArticleKey = 0;
        lastArticleNumber = 0;
    }

    /** Text of a 부칙 without 조 (or before its first 조): the 부칙 itself is the unit. */
    private void startSupplementBody(Line line) {
        if (supplementBlock == null) {
            open(supplementBlock(line));
        }
    }

    private Node supplementBlock(Line line) {
        Node n = new Node(Node.Type.SUPPLEMENT, pending >= 0 ? pending : line.start());
        n.locator = "부칙";
        n.heading = supplement;
        n.childSeparator = " ";
        supplementBlock = n;
        return n;
    }

    private void openSection(Line line, Matcher sec) {
        prefix(line);
        int rank = switch (sec.group(2)) {
            case "편" -> 1;
            case "장" -> 2;
            case "절" -> 3;
            default -> 4;
        };
        while (!sections.isEmpty() && Integer.parseInt(sections.peekLast()[0]) >= rank) {
            sections.removeLast();
        }
        String title = "제" + sec.group(1) + sec.group(2) + (sec.group(3) != null ? "의" + sec.group(3) : "");
        String rest = sec.group(4) == null ? "" : NOTE.matcher(sec.group(4)).replaceAll("").strip();
        sections.addLast(new String[] {Integer.toString(rank), rest.isEmpty() ? title : title + " " + rest});
    }

    private void startAnnex(Line line, Matcher m, String s) {
        String kind = m.group(1) != null ? m.group(1) : m.group(4);
        String number = (m.group(1) != null ? m.group(2) : m.group(5)).replaceAll("\\s+", "");
        Node n = new Node(Node.Type.ANNEX, pending >= 0 ? pending : line.start());
        n.locator = number.isEmpty() ? kind : kind + " " + number;
        n.heading = s.replaceFirst("^#{1,6}\\s+", "").strip();
        n.childSeparator = " ";
        supplement = null;
        supplementBlock = null;
        open(n);
    }

    private void startArticle(Line line, Label label, String body) {
        String id = "제" + label.number + "조" + (label.branch > 0 ? "의" + label.branch : "");
        Node n;
        if (supplement != null) {
            // a 부칙 조 is a child of its 부칙, whose header lines stay in the 부칙's own lead
            int start = pending >= 0 ? pending : line.start();
            if (supplementBlock == null) {
                units.add(supplementBlock(line));
                start = line.start();
            }
            n = supplementBlock.add(new Node(Node.Type.ARTICLE, start));
            n.locator = "부칙 " + id;
            n.section = supplement;
        } else {
            n = new Node(Node.Type.ARTICLE, pending >= 0 ? pending : line.start());
            n.locator = id;
            n.section = sectionPath();
            units.add(n);
            articleCount++;
        }
        n.label = id;
        n.number = label.number;
        n.branch = label.branch;
        n.heading = label.title == null ? id : id + "(" + label.title + ")";
        lastArticleKey = label.key();
        lastArticleNumber = label.number;
        unit = n;
        paragraph = null;
        item = null;
        subitem = null;
        pending = -1;
        if (body != null) {
            // a 항 that starts on the article line itself: "제4조(다른 법률의 개정) ① …"
            int after = label.end;
            int restCs = Spans.skipBlank(body, after, body.length());
            if (restCs < body.length()) {
                Matcher p = PARAGRAPH.matcher(body.substring(restCs));
                if (p.lookingAt()) {
                    addParagraph(line.start(), circled(p.group(1).charAt(0)));
                }
            }
        }
    }

    private void open(Node n) {
        units.add(n);
        unit = n;
        paragraph = null;
        item = null;
        subitem = null;
        pending = -1;
    }

    private boolean readSubdivision(Line line, String s) {
        if (unit.type == Node.Type.ARTICLE) {
            Matcher p = PARAGRAPH.matcher(s);
            if (p.lookingAt()) {
                int number = circled(p.group(1).charAt(0));
                if (paragraph == null || number > paragraph.number) {
                    addParagraph(line.start(), number);
                    return true;
                }
                return false;
            }
        }
        Matcher it = ITEM.matcher(s);
        if (it.lookingAt()) {
            int number = Integer.parseInt(it.group(1));
            int branch = it.group(2) == null ? 0 : Integer.parseInt(it.group(2));
            Node parent = paragraph != null ? paragraph : unit;
            Node previous = item != null && item.parent == parent ? item : null;
            boolean ok = previous == null
                    ? number == 1 && branch == 0
                    : number * 100 + branch > previous.number * 100 + previous.branch
                            && number <= previous.number + 5;
            if (ok) {
                Node n = parent.add(new Node(Node.Type.ITEM, line.start()));
                n.number = number;
                n.branch = branch;
                n.label = "제" + number + "호" + (branch > 0 ? "의" + branch : "");
                inherit(parent, n);
                item = n;
                subitem = null;
                return true;
            }
            return false;
        }
        Matcher sub = SUBITEM.matcher(s);
        if (sub.lookingAt() && item != null) {
            int number = HANGUL_ORDER.indexOf(sub.group(1).charAt(0)) + 1;
            Node previous = subitem != null && subitem.parent == item ? subitem : null;
            boolean ok = previous == null ? number == 1 : number == previous.number + 1;
            if (ok) {
                Node n = item.add(new Node(Node.Type.SUBITEM, line.start()));
                n.number = number;
                n.label = sub.group(1) + "목";
                inherit(item, n);
                subitem = n;
                return true;
            }
        }
        return false;
    }

    private void addParagraph(int start, int number) {
        Node n = unit.add(new Node(Node.Type.PARAGRAPH, start));
        n.number = number;
        n.label = "제" + number + "항";
        inherit(unit, n);
        paragraph = n;
        item = null;
        subitem = null;
    }

    private static void inherit(Node parent, Node child) {
        child.locator = parent.locator + parent.childSeparator + child.label;
        child.heading = parent.heading;
        child.section = parent.section;
        child.childSeparator = "";
    }

    private String sectionPath() {
        if (sections.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String[] s : sections) {
            if (!b.isEmpty()) {
                b.append(" > ");
            }
            b.append(s[1]);
        }
        return b.toString();
    }

    /**
     * A Markdown article heading is decoration when the mirror generated it wrongly: 제0조, or the body
     * right below starts with its own label for the same article (제2조의2 under "제202조", or the right
     * number under a title shifted from the next article), or with a chapter line.
     */
    private boolean isDecoration(int index, Label heading) {
        if (heading.number == 0) {
            return true;
        }
        for (int k = index + 1; k < lines.size(); k++) {
            Line l = lines.get(k);
            if (l.blank()) {
                continue;
            }
            String s = text.substring(l.cs(), l.ce());
            Matcher a = ARTICLE.matcher(s);
            if (a.lookingAt()) {
                Label body = articleLabel(s, a);
                return body != null && (body.key() == heading.key()
                        || (heading.branch == 0 && heading.number == body.number * 100 + body.branch));
            }
            return SECTION.matcher(s).matches() && isSectionLine(s);
        }
        return false;
    }

    /** A plain "제1장 총칙" line: short, and not a sentence that merely starts with a chapter reference. */
    private static boolean isSectionLine(String s) {
        return s.length() <= SECTION_MAX && !s.endsWith("다.") && !s.endsWith("다") && !s.contains("다. ");
    }

    private boolean inSequence(Label label) {
        if (lastArticleKey == 0) {
            return label.number <= MAX_ARTICLE_JUMP;
        }
        return label.key() > lastArticleKey && label.number <= lastArticleNumber + MAX_ARTICLE_JUMP;
    }

    private record Label(int number, int branch, String title, int end) {
        int key() {
            return number * 1000 + branch;
        }
    }

    /** A plain-text article label: "제1조(목적)", "제1조 (목적)", "제5조 삭제 <…>", "제2조 부터 제4조까지 생략". */
    private static Label articleLabel(String s, Matcher m) {
        int number = Integer.parseInt(m.group(1));
        int branch = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int i = m.end();
        int j = Spans.skipBlank(s, i, s.length());
        if (j < s.length() && s.charAt(j) == '(') {
            int close = closingParen(s, j);
            if (close < 0) {
                return null;
            }
            String title = s.substring(j + 1, close).strip();
            return new Label(number, branch, title.isEmpty() ? null : title, close + 1);
        }
        if (ARTICLE_NO_TITLE.matcher(s.substring(i)).lookingAt()) {
            return new Label(number, branch, null, i);
        }
        return null;
    }

    /** A Markdown heading label: "제19조 (처리기간의 계산)", "제64조". */
    private static Label headingLabel(String h, Matcher m) {
        Label plain = articleLabel(h, m);
        if (plain != null) {
            return plain;
        }
        int number = Integer.parseInt(m.group(1));
        int branch = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String rest = h.substring(m.end()).strip();
        return new Label(number, branch, rest.isEmpty() ? null : rest, h.length());
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length() && k < open + 200; k++) {
            char c = s.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    static int circled(char c) {
        if (c >= '\u2460' && c <= '\u2473') {
            return c - '\u2460' + 1;
        }
        if (c >= '\u3251' && c <= '\u325F') {
            return c - '\u3251' + 21;
        }
        return c - '\u32B1' + 36;
    }
}
