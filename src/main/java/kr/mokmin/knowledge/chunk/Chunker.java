package kr.mokmin.knowledge.chunk;

import kr.mokmin.search.DocumentKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kr.mokmin.knowledge.chunk.Spans.Line;

/**
 * Structure-aware chunking of one document. Plain Java, no I/O, thread-safe (no mutable state).
 *
 * <h2>Legal text (조례, 규칙, 법령; and 고시/지침/other documents with at least two 조)</h2>
 * <ul>
 *   <li>One chunk per 조 when it fits in {@link ChunkingPolicy#maxChars()} (locator {@code 제19조}).
 *   <li>A longer 조 is split between its 항; consecutive 항 are packed while they fit, so a chunk is one 항
 *       ({@code 제12조제2항}) or a run of them ({@code 제12조제1항~제3항}). A 항 that alone is too long is
 *       split between its 호 ({@code 제3조제1항제2호}, {@code 제2조제1호~제5호} when the 조 has no 항), a
 *       호 between its 목 ({@code 제2조제1호가목~다목}), and what is still too long between paragraphs,
 *       lines or sentences (same locator).
 *   <li>Every chunk of a 조 has the 조 heading ({@code 제12조(과태료의 부과)}) in {@link Chunk#heading()} and
 *       the 편/장/절/관 path in {@link Chunk#section()}; the text of the first chunk also starts with the
 *       article line itself (and any chapter heading just above it).
 *   <li>부칙: each 부칙 (one amendment's 부칙, with its header such as {@code 부칙 <제13459호,2015.8.11>}) is a
 *       unit; its 조 are packed like 항 ({@code 부칙 제1조~제5조}, heading = the header), a 조 that is split
 *       is located as {@code 부칙 제4조제2항} with heading {@code 제4조(다른 법률의 개정)} and the header as
 *       section. Consecutive 부칙 without 조 are packed together while they fit (locator {@code 부칙}).
 *   <li>Annexes {@code [별표 1]}, {@code [별지 제1호서식]}: one unit each ({@code 별표 1}), split by their
 *       numbered items when long ({@code 별표 1 제2호}).
 *   <li>Text before the first unit (title, 시행 line) joins the first chunk when short (≤ 300 characters),
 *       else it is a chunk of its own with an empty locator. (In other documents, text before the first
 *       heading other than a title is always a chunk of its own.)
 * </ul>
 *
 * <h2>Other documents (FAQ, welfare, and guides/notices without 조)</h2>
 * Each top-level heading section is a unit; sub-sections are packed the same way, a chunk made of one
 * sub-section is located by its path ({@code 신청 방법 > 구비서류}), one made of several by their parent's
 * path. An FAQ question always gets a chunk of its own with its answer (locator: path + question). Long
 * sections are cut between paragraphs with {@link ChunkingPolicy#overlapChars()} of overlap.
 *
 * <h2>Tables</h2>
 * Reported {@link TableSpan}s and tables found in the text (Markdown pipe tables, grid tables, HTML
 * {@code <table>}) are never cut: a table that does not fit with its surroundings becomes a chunk of its own
 * together with its caption line or a short lead sentence (the caption goes into the heading when it is
 * not in the text), however long — up to {@link ChunkingPolicy#tableMaxChars()}, beyond which it is cut
 * between rows into parts whose heading ends in "(k/n)".
 *
 * <p>See {@link Chunk} for the exact relation between chunk text and offsets.
 */
public final class Chunker {

    private static final int SHORT_PREAMBLE = 300;

    private final ChunkingPolicy policy;

    public Chunker(ChunkingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Chunker() {
        this(ChunkingPolicy.DEFAULT);
    }

    public ChunkingPolicy policy() {
        return policy;
    }

    public List<Chunk> chunk(ChunkSource source) {
        String text = source.text();
        List<Line> lines = Spans.lines(text);
        Tables tables = Tables.find(text, lines, source.tables());
        List<Node> units = List.of();
        boolean legal = false;
        if (isLegal(source.kind()) || mayHaveArticles(source.kind())) {
            LegalParser parser = new LegalParser(text, lines, tables);
            units = parser.parse();
            legal = isLegal(source.kind()) ? !units.isEmpty() : parser.articleCount() >= 2;
        }
        List<Node> plan = new ArrayList<>();
        if (legal) {
            plan.addAll(mergeSupplements(text, units));
            attachPreamble(text, plan, Spans.trimmedLength(text, 0, plan.get(0).start) <= SHORT_PREAMBLE);
        } else {
            OutlineParser parser = new OutlineParser(text, lines, tables, source.kind() == DocumentKind.FAQ);
            Node root = parser.parse();
            if (root.children.isEmpty()) {
                plan.add(root);
            } else {
                plan.addAll(root.children);
                attachPreamble(text, plan, !parser.preambleHasContent());
            }
        }
        Emitter emitter = new Emitter(text, policy, tables, source.pages(), legal);
        for (Node unit : plan) {
            emitter.unit(unit);
        }
        return List.copyOf(emitter.chunks());
    }

    /** Text before the first unit joins it ({@code attach}) or becomes a unit of its own. */
    private static void attachPreamble(String text, List<Node> plan, boolean attach) {
        int firstStart = plan.get(0).start;
        if (attach || Spans.trimmedLength(text, 0, firstStart) == 0) {
            plan.get(0).start = 0;
        } else {
            Node preamble = new Node(Node.Type.PREAMBLE, 0);
            preamble.end = firstStart;
            preamble.locator = "";
            preamble.pathStyle = true;
            plan.add(0, preamble);
        }
    }

    /** Consecutive 부칙 without articles (one line each in old ordinances) share chunks while they fit. */
    private List<Node> mergeSupplements(String text, List<Node> units) {
        List<Node> out = new ArrayList<>();
        for (Node u : units) {
            Node previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && previous.type == Node.Type.SUPPLEMENT && u.type == Node.Type.SUPPLEMENT
                    && previous.children.isEmpty() && u.children.isEmpty()
                    && Spans.trimmedLength(text, previous.start, u.end) <= policy.maxChars()) {
                previous.end = u.end;
                previous.heading = "부칙";
                continue;
            }
            out.add(u);
        }
        return out;
    }

    /** 조례, 규칙 and 법령 are always read as 조/항/호. */
    public static boolean isLegal(DocumentKind kind) {
        return kind == DocumentKind.ORDINANCE || kind == DocumentKind.RULE || kind == DocumentKind.STATUTE;
    }

    /**
     * 고시, 지침 and other documents are often written as 조문 too; for these the chunker uses legal
     * structure when it finds at least two articles, and headings otherwise. FAQ and welfare guides are
     * always read by headings.
     */
    static boolean mayHaveArticles(DocumentKind kind) {
        return kind == DocumentKind.NOTICE || kind == DocumentKind.GUIDELINE || kind == DocumentKind.OTHER;
    }
}
