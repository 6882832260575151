package kr.mokmin.knowledge.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * HTML through jsoup. Scripts, styles, navigation, form controls and other non-content elements are dropped; headings
 * become {@link HeadingSpan}s, data tables become {@link TableSpan}s (with their {@code <caption>}), and every other
 * block element is a paragraph. A table that contains another table is taken for layout and walked as blocks.
 */
final class HtmlParser implements DocumentParser {

    /**
     * Never content. {@code <form>} itself stays: many government sites wrap the whole page in one (ASP.NET,
     * eGovFrame); only its controls go.
     */
    private static final String DROP = "script, style, nav, noscript, template, svg, math, iframe, object, embed, "
            + "canvas, button, select, input, textarea, [hidden], [aria-hidden=true]";
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "aside", "address", "blockquote", "figure", "figcaption", "li", "ul", "ol", "dl", "dt", "dd", "hr",
            "center", "fieldset", "details", "summary", "caption", "body", "html", "tr", "td", "th", "thead",
            "tbody", "tfoot");
    private static final int MAX_DEPTH = 400;

    @Override
    public Set<DocumentFormat> formats() {
        return Set.of(DocumentFormat.HTML);
    }

    @Override
    public ExtractedDocument parse(Path file, DocumentFormat format, ParseContext context) {
        TextDecoding.Decoded decoded = TextDecoding.decode(file, context.limits().maxTextChars(), context);
        Parser parser = Parser.htmlParser().setTrackErrors(0);
        Document doc = Jsoup.parse(decoded.text(), "", parser);
        Map<String, String> metadata = metadata(doc);
        metadata.put("charset", PlainTextParser.charsetName(decoded));
        doc.select(DROP).remove();
        TextAssembler out = new TextAssembler(context);
        Walker walker = new Walker(out, context);
        walker.block(doc.body() != null ? doc.body() : doc, 0);
        walker.flush();
        return out.build(format, metadata, context.warnings());
    }

    private static Map<String, String> metadata(Document doc) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!doc.title().isBlank()) {
            m.put("title", doc.title().strip());
        } else {
            Element og = doc.selectFirst("meta[property=og:title]");
            if (og != null && !og.attr("content").isBlank()) {
                m.put("title", og.attr("content").strip());
            }
        }
        for (Element meta : doc.select("meta[name]")) {
            String name = meta.attr("name").toLowerCase(Locale.ROOT).strip();
            String content = meta.attr("content").strip();
            if (!content.isEmpty() && Set.of("author", "description", "keywords", "subject", "date", "created",
                    "dc.title", "dc.creator", "dc.date").contains(name)) {
                m.putIfAbsent(name.startsWith("dc.") ? name.substring(3).replace("creator", "author") : name,
                        content);
            }
        }
        Element html = doc.selectFirst("html[lang]");
        if (html != null && !html.attr("lang").isBlank()) {
            m.put("language", html.attr("lang"));
        }
        return m;
    }

    private static final class Walker {
        private final TextAssembler out;
        private final ParseContext context;
        private final StringBuilder current = new StringBuilder();
        private int visited;

        Walker(TextAssembler out, ParseContext context) {
            this.out = out;
            this.context = context;
        }

        void block(Element element, int depth) {
            for (Node child : element.childNodes()) {
                node(child, depth + 1);
            }
        }

        private void node(Node node, int depth) {
            if ((++visited & 4095) == 0) {
                context.checkDeadline();
            }
            if (node instanceof TextNode text) {
                inlineText(text.getWholeText());
                return;
            }
            if (!(node instanceof Element el)) {
                return;
            }
            if (depth > MAX_DEPTH) {
                inlineText(el.text());
                return;
            }
            String tag = el.normalName();
            switch (tag) {
                case "br" -> current.append('\n');
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    flush();
                    out.heading(tag.charAt(1) - '0', el.text());
                }
                case "pre" -> {
                    flush();
                    out.lines(el.wholeText());
                }
                case "table" -> table(el, depth);
                default -> {
                    if (BLOCKS.contains(tag)) {
                        flush();
                        block(el, depth);
                        flush();
                    } else {
                        block(el, depth);
                    }
                }
            }
        }

        private void table(Element table, int depth) {
            flush();
            if (table.getElementsByTag("table").size() > 1) {
                block(table, depth); // layout table
                flush();
                return;
            }
            Element caption = table.selectFirst("> caption");
            List<List<String>> rows = new ArrayList<>();
            for (Element tr : table.select("tr")) {
                if (tr.closest("table") != table) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Element cell : tr.children()) {
                    if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                        cells.add(cell.text());
                    }
                }
                rows.add(cells);
            }
            out.table(caption == null ? null : caption.text(), rows);
        }

        private void inlineText(String s) {
            // HTML white space collapses (outside <pre>); line breaks come from <br> and blocks only.
            String collapsed = s.replaceAll("[ \\t\\n\\r\\f]+", " ");
            if (collapsed.equals(" ") && (current.isEmpty() || current.charAt(current.length() - 1) == ' '
                    || current.charAt(current.length() - 1) == '\n')) {
                return;
            }
            current.append(collapsed);
        }

        void flush() {
            if (!current.isEmpty()) {
                String s = current.toString().replaceAll(" *\n *", "\n").strip();
                current.setLength(0);
                out.paragraph(s);
            }
        }
    }
}
