package kr.mokmin.knowledge.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import kr.dogfoot.hwplib.object.HWPFile;
import kr.dogfoot.hwplib.object.bodytext.ParagraphListInterface;
import kr.dogfoot.hwplib.object.bodytext.Section;
import kr.dogfoot.hwplib.object.bodytext.control.Control;
import kr.dogfoot.hwplib.object.bodytext.control.ControlTable;
import kr.dogfoot.hwplib.object.bodytext.control.table.Cell;
import kr.dogfoot.hwplib.object.bodytext.control.table.Row;
import kr.dogfoot.hwplib.object.bodytext.paragraph.Paragraph;
import kr.dogfoot.hwplib.object.bodytext.paragraph.text.HWPChar;
import kr.dogfoot.hwplib.object.bodytext.paragraph.text.HWPCharNormal;
import kr.dogfoot.hwplib.object.bodytext.paragraph.text.ParaText;
import kr.dogfoot.hwplib.object.docinfo.Style;
import kr.dogfoot.hwplib.org.apache.poi.hpsf.SummaryInformation;
import kr.dogfoot.hwplib.reader.HWPReader;
import kr.dogfoot.hwplib.tool.textextractor.ForControl;
import kr.dogfoot.hwplib.tool.textextractor.TextExtractMethod;
import kr.dogfoot.hwplib.tool.textextractor.paraHead.ParaHeadMaker;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * HWP 5.x (한글 binary) through hwplib. Before hwplib reads anything, the compound file is checked here: the file
 * header's flags (password, DRM and certificate encryption are refused; 배포용 distribution documents are read), the
 * number of streams, and the size every compressed stream inflates to ({@link ParseLimits#maxUncompressedBytes()}),
 * because hwplib inflates whole streams into memory.
 *
 * <p>Paragraphs are walked in order with their automatic numbering (개요/문단 번호) prefixed; 개요 N styles are
 * headings; tables become rows (with their caption); text boxes, footnotes and endnotes become paragraphs; page
 * headers and footers are left out (they repeat on every page).
 */
final class HwpParser implements DocumentParser {

    private static final Pattern OUTLINE_STYLE = Pattern.compile("(?i)^(?:개요|outline)\\s*([1-9])$");
    private static final int FLAG_COMPRESSED = 1;
    private static final int FLAG_PASSWORD = 1 << 1;
    private static final int FLAG_DISTRIBUTION = 1 << 2;
    private static final int FLAG_DRM = 1 << 4;
    private static final int FLAG_CERT_ENCRYPTION = 1 << 8;
    private static final int FLAG_CERT_DRM = 1 << 10;

    @Override
    public Set<DocumentFormat> formats() {
        return Set.of(DocumentFormat.HWP);
    }

    @Override
    public ExtractedDocument parse(Path file, DocumentFormat format, ParseContext context) {
        check(file, context);
        HWPFile hwp;
        try {
            hwp = HWPReader.fromFile(file.toFile());
        } catch (Exception | StackOverflowError e) {
            throw new DocumentParseException(FormatSniffer.ole2Truncated(file) ? Reason.TRUNCATED : Reason.CORRUPT,
                    "HWP cannot be read: " + e, e);
        }
        if (hwp == null) {
            throw new DocumentParseException(Reason.CORRUPT, "hwplib returned no document");
        }
        try {
            TextAssembler out = new TextAssembler(context);
            Walker walker = new Walker(hwp, out, context);
            for (Section section : hwp.getBodyText().getSectionList()) {
                walker.section(section);
            }
            walker.notes();
            return out.build(format, metadata(hwp), context.warnings());
        } catch (DocumentParseException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new DocumentParseException(Reason.CORRUPT, "HWP structure cannot be walked: " + e, e);
        }
    }

    // --- pre-check of the compound file

    static void check(Path file, ParseContext context) {
        ParseLimits limits = context.limits();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryEntry root = fs.getRoot();
            byte[] header;
            try (DocumentInputStream in = fs.createDocumentInputStream("FileHeader")) {
                header = in.readNBytes(256);
            }
            if (header.length < 40 || !new String(header, 0, 17, StandardCharsets.US_ASCII)
                    .equals("HWP Document File")) {
                throw new DocumentParseException(Reason.CORRUPT, "the FileHeader stream has no HWP signature");
            }
            long flags = FormatSniffer.le32(header, 36);
            if ((flags & FLAG_PASSWORD) != 0) {
                throw new DocumentParseException(Reason.ENCRYPTED, "the HWP document has a password (문서 암호)");
            }
            if ((flags & (FLAG_DRM | FLAG_CERT_DRM)) != 0) {
                throw new DocumentParseException(Reason.ENCRYPTED, "the HWP document is DRM-protected");
            }
            if ((flags & FLAG_CERT_ENCRYPTION) != 0) {
                throw new DocumentParseException(Reason.ENCRYPTED,
                        "the HWP document is encrypted with a public certificate");
            }
            if ((flags & FLAG_DISTRIBUTION) != 0) {
                context.warn("배포용 문서 (distribution document): its text was decrypted for indexing");
            }
            int version = header[35] & 0xff;
            if (version != 5) {
                context.warn("HWP format version " + version + ".x; only 5.x is known");
            }
            Budget budget = new Budget(limits, (flags & FLAG_COMPRESSED) != 0, (flags & FLAG_DISTRIBUTION) != 0);
            budget.walk(root, context);
        } catch (DocumentParseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw FormatSniffer.ole2Failure(file, e);
        }
    }

    /** Counts streams and the bytes they inflate to. */
    private static final class Budget {
        private final ParseLimits limits;
        private final boolean compressed;
        private final boolean distribution;
        private final byte[] in = new byte[64 * 1024];
        private final byte[] out = new byte[64 * 1024];
        private long total;
        private int entries;

        Budget(ParseLimits limits, boolean compressed, boolean distribution) {
            this.limits = limits;
            this.compressed = compressed;
            this.distribution = distribution;
        }

        void walk(DirectoryEntry dir, ParseContext context) throws IOException {
            for (Entry entry : dir) {
                if (++entries > limits.maxZipEntries()) {
                    throw new DocumentParseException(Reason.ZIP_BOMB,
                            "the compound file has more than " + limits.maxZipEntries() + " streams");
                }
                if (entry instanceof DirectoryEntry sub) {
                    walk(sub, context);
                } else if (entry instanceof DocumentEntry doc) {
                    stream(dir, doc);
                    context.checkDeadline();
                }
            }
        }

        private void stream(DirectoryEntry dir, DocumentEntry doc) throws IOException {
            String parent = dir.getName();
            boolean deflated = compressed && !distribution && (parent.equals("BodyText") || parent.equals("BinData")
                    || doc.getName().equals("DocInfo"));
            if (!deflated) {
                add(doc.getSize(), doc.getName());
                return;
            }
            Inflater inflater = new Inflater(true);
            long produced = 0;
            long consumed = 0;
            try (InputStream stream = new DocumentInputStream(doc)) {
                int n;
                while (!inflater.finished() && (n = stream.read(in)) > 0) {
                    consumed += n;
                    inflater.setInput(in, 0, n);
                    while (!inflater.needsInput() && !inflater.finished()) {
                        int m = inflater.inflate(out);
                        if (m == 0) {
                            break; // needs a dictionary, or more input
                        }
                        produced += m;
                        add(m, doc.getName());
                        if (produced > (1 << 20) && produced / Math.max(1, consumed) > limits.maxCompressionRatio()) {
                            throw new DocumentParseException(Reason.ZIP_BOMB, "stream " + parent + "/" + doc.getName()
                                    + " inflates more than " + limits.maxCompressionRatio() + " times");
                        }
                    }
                }
            } catch (DataFormatException e) {
                // Not deflated after all (BinData items may be stored raw): count the stored size.
                add(doc.getSize(), doc.getName());
            } finally {
                inflater.end();
            }
        }

        private void add(long bytes, String name) {
            total += bytes;
            if (total > limits.maxUncompressedBytes()) {
                throw new DocumentParseException(Reason.ZIP_BOMB, "streams inflate to more than "
                        + limits.maxUncompressedBytes() + " bytes (at " + name + ")");
            }
        }
    }

    // --- walking the document

    private static final class Walker {
        private final HWPFile hwp;
        private final TextAssembler out;
        private final ParseContext context;
        private final ParaHeadMaker heads;
        private final List<String> notes = new ArrayList<>();
        private int visited;

        Walker(HWPFile hwp, TextAssembler out, ParseContext context) {
            this.hwp = hwp;
            this.out = out;
            this.context = context;
            ParaHeadMaker maker;
            try {
                maker = new ParaHeadMaker(hwp);
            } catch (RuntimeException e) {
                maker = null;
            }
            this.heads = maker;
        }

        void section(Section section) throws Exception {
            if (heads != null) {
                heads.startSection(section);
            }
            for (Paragraph p : section) {
                paragraph(p);
            }
            if (heads != null) {
                heads.endSection();
            }
        }

        private void paragraph(Paragraph p) throws Exception {
            if ((++visited & 255) == 0) {
                context.checkDeadline();
            }
            String head = "";
            if (heads != null) {
                try {
                    String h = heads.paraHeadString(p);
                    head = h == null ? "" : h;
                } catch (RuntimeException e) {
                    head = "";
                }
            }
            String body = text(p);
            String text = head.isEmpty() || head.endsWith(" ") || body.startsWith(" ") ? head + body : head + " " + body;
            int level = outlineLevel(p);
            if (level > 0) {
                out.heading(level, text);
            } else {
                out.paragraph(text);
            }
            if (p.getControlList() == null) {
                return;
            }
            for (Control control : p.getControlList()) {
                if (control == null || control.getType() == null) {
                    continue; // a control hwplib does not know
                }
                switch (control.getType()) {
                    case Table -> table((ControlTable) control);
                    case Header, Footer, Equation, SectionDefine, ColumnDefine, PageNumberPosition, PageHide,
                         PageOddEvenAdjust, AutoNumber, NewNumber, Bookmark, IndexMark, HiddenComment -> {
                        // page furniture and markers: no body text
                    }
                    case Footnote, Endnote -> notes.add(controlText(control));
                    default -> {
                        if (!control.isField()) {
                            out.paragraph(controlText(control)); // text boxes and other drawing objects
                        }
                    }
                }
            }
        }

        /** The text inside a drawing object or note; a damaged one is skipped with a warning. */
        private String controlText(Control control) {
            StringBuffer sb = new StringBuffer();
            try {
                ForControl.extract(control, TextExtractMethod.InsertControlTextBetweenParagraphText, null, sb);
            } catch (Exception | StackOverflowError e) {
                context.warn("the text of a " + control.getType() + " object could not be read: " + e);
                return "";
            }
            return sb.toString();
        }

        private void table(ControlTable table) throws Exception {
            String caption = null;
            if (table.getCaption() != null && table.getCaption().getParagraphList() != null) {
                caption = listText(table.getCaption().getParagraphList());
            }
            List<List<String>> rows = new ArrayList<>();
            for (Row row : table.getRowList()) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row.getCellList()) {
                    cells.add(listText(cell.getParagraphList()));
                }
                rows.add(cells);
            }
            out.table(caption == null || caption.isBlank() ? null : caption, rows);
        }

        /** The text of a paragraph list (a cell, a caption) on one line; nested tables are flattened. */
        private String listText(ParagraphListInterface list) throws Exception {
            if (list == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (Paragraph p : list) {
                if ((++visited & 255) == 0) {
                    context.checkDeadline();
                }
                sb.append(text(p)).append(' ');
                if (p.getControlList() != null) {
                    for (Control control : p.getControlList()) {
                        if (control instanceof ControlTable nested) {
                            for (Row row : nested.getRowList()) {
                                for (Cell cell : row.getCellList()) {
                                    sb.append(listText(cell.getParagraphList())).append(' ');
                                }
                            }
                        }
                    }
                }
            }
            return sb.toString().strip();
        }

        private int outlineLevel(Paragraph p) {
            List<Style> styles = hwp.getDocInfo().getStyleList();
            int id = p.getHeader().getStyleId();
            if (id < 0 || id >= styles.size()) {
                return 0;
            }
            Style style = styles.get(id);
            for (String name : new String[] {style.getHangulName(), style.getEnglishName()}) {
                if (name != null) {
                    Matcher m = OUTLINE_STYLE.matcher(name.strip());
                    if (m.matches()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
            }
            return 0;
        }

        void notes() {
            boolean first = true;
            for (String note : notes) {
                if (!note.isBlank() && first) {
                    out.blankLine();
                    first = false;
                }
                out.paragraph(note);
            }
        }
    }

    /** A paragraph's own characters: text, tabs, line breaks and special spaces; controls are skipped. */
    static String text(Paragraph p) throws Exception {
        ParaText paraText = p.getText();
        if (paraText == null || paraText.getCharList() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (HWPChar ch : paraText.getCharList()) {
            switch (ch.getType()) {
                case Normal -> sb.append(((HWPCharNormal) ch).getCh());
                case ControlChar -> {
                    switch (ch.getCode()) {
                        case 10 -> sb.append('\n');
                        case 24 -> sb.append('-');
                        case 30, 31 -> sb.append(' ');
                        default -> {
                            // paragraph end and other markers
                        }
                    }
                }
                case ControlInline -> {
                    if (ch.getCode() == 9) {
                        sb.append('\t');
                    }
                }
                default -> {
                    // extended controls (tables, drawings …) are handled through the control list
                }
            }
        }
        return sb.toString();
    }

    private static Map<String, String> metadata(HWPFile hwp) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            SummaryInformation info = hwp.getSummaryInformation();
            if (info != null) {
                put(m, "title", info.getTitle());
                put(m, "author", info.getAuthor());
                put(m, "subject", info.getSubject());
                put(m, "keywords", info.getKeywords());
                put(m, "description", info.getComments());
                put(m, "created", date(info.getCreateDateTime()));
                put(m, "modified", date(info.getLastSaveDateTime()));
            }
        } catch (RuntimeException ignored) {
            // a damaged summary stream does not stop extraction
        }
        try {
            var v = hwp.getFileHeader().getVersion();
            m.put("hwpVersion", v.getMM() + "." + v.getNN() + "." + v.getPP() + "." + v.getRR());
        } catch (RuntimeException ignored) {
            // no version
        }
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
