package kr.mokmin.knowledge.parse;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * DOCX through POI XWPF, after {@link ZipGuard} has checked the container: body paragraphs in order, headings from
 * the paragraph style ("heading N", "Title", "개요 N"), tables as rows (a "caption"-styled paragraph right before or
 * after a table is its caption), content controls, then footnotes and endnotes.
 */
final class DocxParser implements DocumentParser {

    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^(?:heading|개요|제목)\\s*([1-9])$");

    @Override
    public Set<DocumentFormat> formats() {
        return Set.of(DocumentFormat.DOCX);
    }

    @Override
    public ExtractedDocument parse(Path file, DocumentFormat format, ParseContext context) {
        ZipGuard.check(file, context);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             XWPFDocument doc = new XWPFDocument(pkg)) {
            TextAssembler out = new TextAssembler(context);
            XWPFStyles styles = doc.getStyles();
            List<IBodyElement> body = doc.getBodyElements();
            for (int i = 0; i < body.size(); i++) {
                if ((i & 255) == 0) {
                    context.checkDeadline();
                }
                IBodyElement element = body.get(i);
                if (element instanceof XWPFParagraph p) {
                    boolean captionOfNextTable = isCaption(p, styles) && i + 1 < body.size()
                            && body.get(i + 1) instanceof XWPFTable;
                    if (captionOfNextTable) {
                        continue; // written by the table
                    }
                    paragraph(p, styles, out);
                } else if (element instanceof XWPFTable table) {
                    String caption = null;
                    if (i > 0 && body.get(i - 1) instanceof XWPFParagraph before && isCaption(before, styles)) {
                        caption = before.getText();
                    } else if (i + 1 < body.size() && body.get(i + 1) instanceof XWPFParagraph after
                            && isCaption(after, styles)) {
                        caption = after.getText();
                        i++;
                    }
                    out.table(caption, rows(table));
                } else if (element instanceof XWPFSDT sdt) {
                    out.paragraph(sdt.getContent().getText());
                }
            }
            List<XWPFAbstractFootnoteEndnote> notes = new ArrayList<>();
            notes.addAll(doc.getFootnotes());
            if (doc.getEndnotes() != null) {
                notes.addAll(doc.getEndnotes());
            }
            boolean first = true;
            for (XWPFAbstractFootnoteEndnote note : notes) {
                for (XWPFParagraph p : note.getParagraphs()) {
                    if (!p.getText().isBlank() && first) {
                        out.blankLine();
                        first = false;
                    }
                    out.paragraph(p.getText());
                }
            }
            return out.build(format, metadata(doc.getProperties()), context.warnings());
        } catch (DocumentParseException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new DocumentParseException(Reason.ENCRYPTED, e.getMessage(), e);
        } catch (Exception e) {
            throw new DocumentParseException(Reason.CORRUPT, "DOCX cannot be read: " + e, e);
        }
    }

    private static void paragraph(XWPFParagraph p, XWPFStyles styles, TextAssembler out) {
        String text = p.getText();
        int level = headingLevel(p, styles);
        if (level > 0) {
            out.heading(level, text);
        } else {
            out.paragraph(text);
        }
    }

    private static List<List<String>> rows(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cell.getText());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String styleName(XWPFParagraph p, XWPFStyles styles) {
        String id = p.getStyleID();
        if (id == null) {
            return "";
        }
        if (styles != null) {
            XWPFStyle style = styles.getStyle(id);
            if (style != null && style.getName() != null) {
                return style.getName().strip();
            }
        }
        return id;
    }

    private static int headingLevel(XWPFParagraph p, XWPFStyles styles) {
        String name = styleName(p, styles);
        if (name.equalsIgnoreCase("title")) {
            return 1;
        }
        Matcher m = HEADING_STYLE.matcher(name);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        String id = p.getStyleID();
        if (id != null) {
            Matcher byId = HEADING_STYLE.matcher(id.replaceAll("(?i)^heading", "heading "));
            if (byId.matches()) {
                return Integer.parseInt(byId.group(1));
            }
        }
        return 0;
    }

    private static boolean isCaption(XWPFParagraph p, XWPFStyles styles) {
        return styleName(p, styles).toLowerCase(Locale.ROOT).equals("caption") && !p.getText().isBlank();
    }

    private static Map<String, String> metadata(POIXMLProperties properties) {
        Map<String, String> m = new LinkedHashMap<>();
        if (properties == null) {
            return m;
        }
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        put(m, "title", core.getTitle());
        put(m, "author", core.getCreator());
        put(m, "subject", core.getSubject());
        put(m, "keywords", core.getKeywords());
        put(m, "description", core.getDescription());
        put(m, "created", date(core.getCreated()));
        put(m, "modified", date(core.getModified()));
        return m;
    }

    private static String date(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC).toString();
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, TextAssembler.oneLine(TextAssembler.clean(value)));
        }
    }
}
