package kr.mokmin.knowledge.chunk;

import java.util.ArrayList;
import java.util.List;
import kr.mokmin.knowledge.chunk.Tables.Table;

/**
 * Turns structure into chunks. A node that fits in {@code maxChars} is one chunk. A longer one is split
 * between its children (항, 호, 목, sub-headings), packing consecutive children greedily into chunks of at
 * most {@code maxChars}; a child that alone is too long is split the same way, one level down. A node
 * without children that is too long is cut at paragraph, line, sentence or word boundaries (with overlap
 * for guides). Tables are never cut unless longer than {@code tableMaxChars}.
 */
final class Emitter {

    private final String text;
    private final ChunkingPolicy policy;
    private final Tables tables;
    private final List<PageSpan> pages;
    private final boolean legal;
    private final List<Chunk> out = new ArrayList<>();
    private final int leadMerge;

    Emitter(String text, ChunkingPolicy policy, Tables tables, List<PageSpan> pages, boolean legal) {
        this.text = text;
        this.policy = policy;
        this.tables = tables;
        this.pages = pages;
        this.legal = legal;
        this.leadMerge = Math.min(300, policy.maxChars() / 4);
    }

    List<Chunk> chunks() {
        return out;
    }

    void unit(Node u) {
        node(u, u.start, u.end);
    }

    private record Part(Node node, int start, int end) {
        boolean standalone() {
            return node != null && node.standalone();
        }
    }

    private void node(Node n, int s, int e) {
        int len = Spans.trimmedLength(text, s, e);
        if (len == 0) {
            return;
        }
        if (len <= policy.maxChars() && !n.hasStandaloneChild()) {
            // a whole 부칙 is located by the 조 it holds: 부칙 제1조~제3조
            if (n.type == Node.Type.SUPPLEMENT && !n.children.isEmpty()) {
                group(n, n.children, s, e);
            } else {
                emit(s, e, n.locator, n.heading, n.section);
            }
            return;
        }
        if (n.children.isEmpty()) {
            leaf(n, s, e);
            return;
        }
        List<Part> parts = new ArrayList<>();
        Node first = n.children.get(0);
        int leadLength = Spans.trimmedLength(text, s, first.start);
        boolean mergeLead = leadLength > 0 && leadLength <= leadMerge
                && (first.standalone() || Spans.trimmedLength(text, s, first.end) > policy.maxChars());
        if (leadLength > 0 && !mergeLead) {
            parts.add(new Part(null, s, first.start));
        }
        for (Node c : n.children) {
            parts.add(new Part(c, c == first && mergeLead ? s : c.start, c.end));
        }
        for (List<Part> group : pack(parts)) {
            Part head = group.get(0);
            Part tail = group.get(group.size() - 1);
            if (group.size() == 1 && head.node() != null) {
                node(head.node(), head.start(), head.end());
            } else if (group.size() == 1) {
                if (Spans.trimmedLength(text, head.start(), head.end()) <= policy.maxChars()) {
                    emit(head.start(), head.end(), n.locator, n.heading, n.section);
                } else {
                    leaf(n, head.start(), head.end());
                }
            } else {
                List<Node> members = new ArrayList<>();
                for (Part p : group) {
                    if (p.node() != null) {
                        members.add(p.node());
                    }
                }
                if (head.node() == null && !isSingleLine(head.start(), head.end())) {
                    if (n.pathStyle || n.type == Node.Type.SUPPLEMENT) {
                        // the lead is more than a heading line: the chunk is the parent's
                        emit(head.start(), tail.end(), n.groupLocator(members, true), n.heading, n.section);
                        continue;
                    }
                }
                group(n, members, head.start(), tail.end());
            }
        }
    }

    /**
     * Consecutive parts packed into groups of at most {@code maxChars}. The greedy packing fixes how many
     * groups there are; the parts are then spread evenly over that many groups (so a long 조 gives two
     * halves, not one full chunk and a tiny tail).
     */
    private List<List<Part>> pack(List<Part> parts) {
        int max = policy.maxChars();
        List<List<Part>> greedy = pack(parts, max);
        if (greedy.size() < 2) {
            return greedy;
        }
        int total = Spans.trimmedLength(text, parts.get(0).start(), parts.get(parts.size() - 1).end());
        for (int step = 0; step <= 4; step++) {
            int limit = (int) Math.min(max, (long) total * (100 + 8 * step) / (100L * greedy.size()));
            List<List<Part>> even = pack(parts, limit);
            if (even.size() == greedy.size()) {
                return even;
            }
        }
        return greedy;
    }

    /**
     * A chunk of some children of {@code n} (and maybe its lead). One child: the child's own locator and
     * heading ("신청 방법 > 구비서류", "부칙 제1조" with heading "제1조(시행일)"); several: a range of a legal
     * node ("제12조제1항~제3항", heading of the 조) or the path of a guide section.
     */
    private void group(Node n, List<Node> members, int s, int e) {
        if (members.size() == 1 && (n.pathStyle || n.type == Node.Type.SUPPLEMENT)) {
            Node only = members.get(0);
            emit(s, e, only.locator, only.heading, only.section);
        } else {
            emit(s, e, n.groupLocator(members, false), n.heading, n.section);
        }
    }

    private List<List<Part>> pack(List<Part> parts, int limit) {
        List<List<Part>> groups = new ArrayList<>();
        List<Part> current = null;
        for (Part p : parts) {
            if (current != null) {
                int groupStart = current.get(0).start();
                int groupEnd = current.get(current.size() - 1).end();
                boolean fits = Spans.trimmedLength(text, groupStart, p.end()) <= limit
                        && Spans.trimmedLength(text, groupStart, groupEnd) <= limit;
                boolean standalone = p.standalone() || current.stream().anyMatch(Part::standalone)
                        || (p.node() != null && p.node().hasStandaloneChild());
                if (fits && !standalone) {
                    current.add(p);
                    continue;
                }
                groups.add(current);
            }
            current = new ArrayList<>();
            current.add(p);
        }
        if (current != null) {
            groups.add(current);
        }
        return groups;
    }

    /** A node without children (or its lead text) that is too long: cut between paragraphs, lines, sentences. */
    private void leaf(Node n, int s, int e) {
        int max = policy.maxChars();
        int overlap = legal ? 0 : policy.overlapChars();
        int cur = s;
        while (true) {
            cur = Spans.skipBlank(text, cur, e);
            if (cur >= e) {
                return;
            }
            int remaining = Spans.trimEnd(text, cur, e) - cur;
            Table t = tables.firstIn(cur, Math.min(e, cur + max));
            if (t == null && remaining <= max) {
                emit(cur, e, n.locator, n.heading, n.section);
                return;
            }
            if (t != null) {
                int before = Spans.trimmedLength(text, cur, t.start());
                int tableEnd = Math.min(t.end(), e);
                if (before == 0 || before <= leadMerge) {
                    table(n, cur, t, tableEnd);
                    cur = tableEnd;
                } else {
                    leaf(n, cur, t.start());
                    cur = t.start();
                }
                continue;
            }
            // aim at equal pieces: a 1,300-character paragraph gives two of 650, not 1,200 and 100
            int pieces = (remaining + max - 1) / max;
            int target = remaining / pieces + 1;
            int b = boundary(cur, cur + Math.min(max, target + max / 8));
            emit(cur, b, n.locator, n.heading, n.section);
            cur = overlap > 0 ? overlapStart(cur, b, overlap) : b;
        }
    }

    /** A table (with the caption line or short lead from {@code from}) in one chunk, or in row-cut parts if huge. */
    private void table(Node n, int from, Table t, int end) {
        String heading = n.heading;
        if (t.caption() != null) {
            String squashed = text.substring(from, end).replaceAll("\\s+", "");
            if (!squashed.contains(t.caption().replaceAll("\\s+", ""))) {
                heading = heading == null ? t.caption() : heading + " · " + t.caption();
            }
        }
        int max = policy.tableMaxChars();
        if (Spans.trimmedLength(text, from, end) <= max) {
            emit(from, end, n.locator, heading, n.section);
            return;
        }
        List<int[]> pieces = new ArrayList<>();
        int cur = Spans.skipBlank(text, from, end);
        while (cur < end) {
            int last = Spans.trimEnd(text, cur, end);
            if (last - cur <= max) {
                pieces.add(new int[] {cur, last});
                break;
            }
            int b = rowBoundary(cur, cur + max);
            pieces.add(new int[] {cur, b});
            cur = Spans.skipBlank(text, b, end);
        }
        for (int i = 0; i < pieces.size(); i++) {
            String h = (heading == null ? "표" : heading) + " (" + (i + 1) + "/" + pieces.size() + ")";
            emit(pieces.get(i)[0], pieces.get(i)[1], n.locator, h, n.section);
        }
    }

    private int rowBoundary(int cur, int limit) {
        for (int p = limit; p > cur + policy.tableMaxChars() / 4; p--) {
            if (text.charAt(p - 1) == '\n') {
                return p;
            }
        }
        return boundary(cur, limit);
    }

    /**
     * Where to end a piece that starts at {@code cur} and may reach {@code limit}: the last paragraph break,
     * else line start, else sentence end, else space, else {@code limit} itself; never in the first 30 %.
     */
    private int boundary(int cur, int limit) {
        int span = limit - cur;
        int half = cur + span / 2;
        int floor = cur + span * 3 / 10;
        int line = -1;
        for (int p = limit; p > half; p--) {
            if (text.charAt(p - 1) == '\n') {
                if (isParagraphStart(p)) {
                    return p;
                }
                if (line < 0) {
                    line = p;
                }
            }
        }
        if (line > 0) {
            return line;
        }
        for (int p = limit; p > floor; p--) {
            if (p < text.length() && Spans.isBlank(text.charAt(p)) && isSentenceEnd(p)) {
                return p;
            }
        }
        for (int p = limit; p > floor; p--) {
            if (p < text.length() && Spans.isBlank(text.charAt(p))) {
                return p;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    private boolean isSingleLine(int s, int e) {
        int start = Spans.skipBlank(text, s, e);
        return text.indexOf('\n', start) < 0 || text.indexOf('\n', start) >= Spans.trimEnd(text, start, e);
    }

    private boolean isParagraphStart(int p) {
        int i = p - 2; // the character before the newline that ends the previous line
        while (i >= 0 && text.charAt(i) != '\n') {
            if (!Spans.isBlank(text.charAt(i))) {
                return false;
            }
            i--;
        }
        return true;
    }

    private boolean isSentenceEnd(int p) {
        if (p < 2) {
            return false;
        }
        char c = text.charAt(p - 1);
        boolean stop = c == '.' || c == '?' || c == '!' || c == '。' || c == '？' || c == '！';
        return stop && !Character.isDigit(text.charAt(p - 2));
    }

    /** The earliest line or sentence start in {@code [b - overlap, b)} after {@code cur}, else {@code b}. */
    private int overlapStart(int cur, int b, int overlap) {
        for (int q = Math.max(cur + 1, b - overlap); q < b; q++) {
            if (Spans.isBlank(text.charAt(q))) {
                continue;
            }
            char before = text.charAt(q - 1);
            if (before == '\n' || (Spans.isBlank(before) && isSentenceEnd(q - 1))) {
                return q;
            }
        }
        return b;
    }

    private void emit(int s, int e, String locator, String heading, String section) {
        int start = Spans.skipBlank(text, s, e);
        int end = Spans.trimEnd(text, start, e);
        if (start >= end) {
            return;
        }
        out.add(new Chunk(out.size(), text.substring(start, end), locator == null ? "" : locator, heading,
                page(start), start, end, section));
    }

    private Integer page(int offset) {
        if (pages.isEmpty()) {
            return null;
        }
        PageSpan found = null;
        for (PageSpan p : pages) {
            if (p.start() <= offset) {
                found = p;
            } else {
                return found == null || offset >= found.end() ? p.page() : found.page();
            }
        }
        return found.page();
    }
}
