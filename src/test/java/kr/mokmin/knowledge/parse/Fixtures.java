package kr.mokmin.knowledge.parse;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import kr.dogfoot.hwplib.object.HWPFile;
import kr.dogfoot.hwplib.object.bodytext.ParagraphListInterface;
import kr.dogfoot.hwplib.object.bodytext.Section;
import kr.dogfoot.hwplib.object.bodytext.control.ControlTable;
import kr.dogfoot.hwplib.object.bodytext.control.ControlType;
import kr.dogfoot.hwplib.object.bodytext.control.ctrlheader.CtrlHeaderGso;
import kr.dogfoot.hwplib.object.bodytext.control.ctrlheader.gso.HeightCriterion;
import kr.dogfoot.hwplib.object.bodytext.control.ctrlheader.gso.HorzRelTo;
import kr.dogfoot.hwplib.object.bodytext.control.ctrlheader.gso.ObjectNumberSort;
import kr.dogfoot.hwplib.object.bodytext.control.ctrlheader.gso.RelativeArrange;
import kr.dogfoot.hwplib.object.bodytext.control.ctrlheader.gso.TextFlowMethod;
import kr.dogfoot.hwplib.object.bodytext.control.ctrlheader.gso.TextHorzArrange;
import kr.dogfoot.hwplib.object.bodytext.control.ctrlheader.gso.VertRelTo;
import kr.dogfoot.hwplib.object.bodytext.control.ctrlheader.gso.WidthCriterion;
import kr.dogfoot.hwplib.object.bodytext.control.table.Cell;
import kr.dogfoot.hwplib.object.bodytext.control.table.DivideAtPageBoundary;
import kr.dogfoot.hwplib.object.bodytext.control.table.ListHeaderForCell;
import kr.dogfoot.hwplib.object.bodytext.control.table.Row;
import kr.dogfoot.hwplib.object.bodytext.paragraph.Paragraph;
import kr.dogfoot.hwplib.object.bodytext.paragraph.header.ParaHeader;
import kr.dogfoot.hwplib.object.bodytext.paragraph.lineseg.LineSegItem;
import kr.dogfoot.hwplib.writer.HWPWriter;
import kr.dogfoot.hwpxlib.object.HWPXFile;
import kr.dogfoot.hwpxlib.object.content.section_xml.ParaListCore;
import kr.dogfoot.hwpxlib.object.content.section_xml.SectionXMLFile;
import kr.dogfoot.hwpxlib.object.content.section_xml.SubList;
import kr.dogfoot.hwpxlib.object.content.section_xml.enumtype.LineWrapMethod;
import kr.dogfoot.hwpxlib.object.content.section_xml.enumtype.TextDirection;
import kr.dogfoot.hwpxlib.object.content.section_xml.enumtype.VerticalAlign2;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.Para;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.Run;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.Table;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.table.Tc;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.table.Tr;
import kr.dogfoot.hwpxlib.writer.HWPXWriter;

/**
 * Builds the test documents in every format, in the test itself: Korean ordinance text with Hanja and a fee table.
 * Nothing binary is committed.
 */
final class Fixtures {

    static final String TITLE = "파주시 민원 수수료 조례";
    static final String ARTICLE_1 = "제1조(목적) 이 조례는 坡州市 민원 사무의 수수료에 관하여 필요한 사항을 규정함을 목적으로 한다.";
    static final String ARTICLE_2 = "제2조(수수료) ① 제증명 발급 수수료는 별표와 같다.";
    static final String CAPTION = "<표 1> 제증명 수수료";
    static final List<List<String>> TABLE = List.of(
            List.of("구분", "수수료", "비고"),
            List.of("주민등록표 등본", "400원", "인터넷 발급 무료"),
            List.of("토지대장(土地臺帳) 열람", "300원", "坡州市 민원실"));
    static final String TABLE_ROW_2 = "토지대장(土地臺帳) 열람 | 300원 | 坡州市 민원실";
    static final String ARTICLE_3 = "제3조(시행일) 이 조례는 공포한 날부터 시행한다.";

    static final Path NANUM_GOTHIC = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");

    private Fixtures() {
    }

    static boolean hasKoreanFont() {
        return Files.isReadable(NANUM_GOTHIC);
    }

    // --- text formats

    static Path text(Path dir, String name, Charset charset, boolean bom) throws IOException {
        String body = TITLE + "\n\n" + ARTICLE_1 + "\r\n" + ARTICLE_2 + "\r\n" + ARTICLE_3 + "\n";
        byte[] bytes = body.getBytes(charset);
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            }
            out.write(bytes);
        }
        return file;
    }

    static String html() {
        return html(List.of());
    }

    static String html(List<String> extra) {
        StringBuilder rows = new StringBuilder();
        for (int r = 0; r < TABLE.size(); r++) {
            rows.append("<tr>");
            for (String cell : TABLE.get(r)) {
                String tag = r == 0 ? "th" : "td";
                rows.append('<').append(tag).append('>').append(cell).append("</").append(tag).append('>');
            }
            rows.append("</tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="ko"><head><meta charset="utf-8"><title>%s</title>
                <meta name="author" content="파주시 민원여권과">
                <style>body { font-family: sans-serif }</style>
                <script>var tracking = "분석 스크립트";</script></head>
                <body>
                <nav><a href="/">홈</a> <a href="/menu">전체 메뉴</a></nav>
                <h1>%s</h1>
                <p>%s</p>
                <p>%s<br>별표 참조</p>
                <table><caption>%s</caption>
                %s</table>
                <h2>부칙</h2>
                %s<div>%s</div>
                </body></html>
                """.formatted(TITLE, TITLE, ARTICLE_1, ARTICLE_2, CAPTION, rows,
                extra.stream().map(p -> "<p>" + p + "</p>\n").collect(java.util.stream.Collectors.joining()),
                ARTICLE_3);
    }

    // --- PDF

    /** A text PDF in NanumGothic: page 1 the title and 제1조, page 2 제2조 and the table, page 3 제3조. */
    static Path pdf(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, NANUM_GOTHIC.toFile());
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(TITLE);
            info.setAuthor("파주시");
            doc.setDocumentInformation(info);
            page(doc, font, List.of(TITLE, ARTICLE_1.substring(0, 40), ARTICLE_1.substring(40)), null);
            page(doc, font, List.of(ARTICLE_2, CAPTION), TABLE);
            page(doc, font, List.of(ARTICLE_3), null);
            doc.save(file.toFile());
        }
        return file;
    }

    /** {@code count} numbered articles of about 75 characters each: 24 make one page's worth (1,800 characters). */
    static List<String> articles(int count) {
        java.util.ArrayList<String> list = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add("제" + (i + 4) + "조(사무의 위임) ① 시장은 坡州市 민원 사무의 일부를 읍·면·동장에게 위임할 수 있다. "
                    + "② 위임한 사무는 매년 " + (i % 12 + 1) + "월에 점검한다.");
        }
        return list;
    }

    /** A PDF of {@code pages} pages of text (for the benchmark and limits). */
    static Path longPdf(Path dir, String name, int pages) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, NANUM_GOTHIC.toFile());
            for (int p = 1; p <= pages; p++) {
                java.util.ArrayList<String> lines = new java.util.ArrayList<>();
                for (int l = 0; l < 40; l++) {
                    lines.add("제" + (p * 40 + l) + "조(목적) 이 조례는 坡州市 민원 사무에 관하여 필요한 사항을 규정한다 " + l);
                }
                page(doc, font, lines, null);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** A text PDF in NanumGothic with the given lines, {@code linesPerPage} to a page (for the ingest benchmark). */
    static Path textPdf(Path dir, String name, List<String> lines, int linesPerPage) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, NANUM_GOTHIC.toFile());
            for (int i = 0; i < lines.size(); i += linesPerPage) {
                page(doc, font, lines.subList(i, Math.min(lines.size(), i + linesPerPage)), null);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void page(PDDocument doc, PDType0Font font, List<String> lines, List<List<String>> table)
            throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            float y = 780;
            for (String line : lines) {
                cs.beginText();
                cs.setFont(font, 11);
                cs.newLineAtOffset(50, y);
                cs.showText(line);
                cs.endText();
                y -= 18;
            }
            if (table != null) {
                y -= 6;
                float[] xs = {50, 230, 330};
                for (List<String> row : table) {
                    for (int c = 0; c < row.size(); c++) {
                        cs.beginText();
                        cs.setFont(font, 10);
                        cs.newLineAtOffset(xs[c], y);
                        cs.showText(row.get(c));
                        cs.endText();
                    }
                    cs.moveTo(45, y - 5);
                    cs.lineTo(520, y - 5);
                    cs.stroke();
                    y -= 20;
                }
            }
        }
    }

    /** A PDF whose pages are only full-page images (A4 scans): no text layer at all. */
    static Path imagePdf(Path dir, String name, BufferedImage... images) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage image : images) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(doc, image);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** Page 1 with a text layer (제3조), page 2 only an image (a scanned page). */
    static Path mixedPdf(Path dir, String name, BufferedImage scan) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, NANUM_GOTHIC.toFile());
            page(doc, font, List.of(ARTICLE_3), null);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject x = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            doc.save(file.toFile());
        }
        return file;
    }

    // --- image for OCR

    /** A scanned A4 page at 300 dpi: black 14 pt (58 px) NanumGothic lines at the top of a white page. */
    static BufferedImage scan(List<String> lines) throws IOException {
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, NANUM_GOTHIC.toFile()).deriveFont(Font.PLAIN, 58f);
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
        int width = 2480; // an A4 page at 300 dpi
        int height = 3508;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            int y = 150;
            for (String line : lines) {
                g.drawString(line, 150, y);
                y += 100;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * A scanned page: Hangul lines, and Hanja on a line of its own (Tesseract picks one script per word and reads a
     * Hanja word between Hangul words much less reliably).
     */
    static final List<String> SCAN_LINES = List.of("제1조(목적) 이 조례는 파주시 민원", "사무의 수수료를 규정한다.",
            "제2조(수수료) 주민등록표 등본 400원", "坡州市 土地臺帳");

    /** Writes a PNG that states its resolution (pHYs), as a scanner's would; {@code dpi} 0 writes none. */
    static Path png(Path dir, String name, BufferedImage image, int dpi) throws IOException {
        Path file = dir.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            if (dpi > 0) {
                // The native pHYs chunk: the JDK's PNG writer maps the standard tree's pixel size wrongly.
                String perMetre = Long.toString(Math.round(dpi / 0.0254));
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                phys.setAttribute("pixelsPerUnitXAxis", perMetre);
                phys.setAttribute("pixelsPerUnitYAxis", perMetre);
                phys.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                root.appendChild(phys);
                meta.mergeTree("javax_imageio_png_1.0", root);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    // --- DOCX

    static Path docx(Path dir, String name) throws IOException {
        return docx(dir, name, List.of());
    }

    /** The ordinance with {@code extra} paragraphs before 제3조 (for the benchmark). */
    static Path docx(Path dir, String name, List<String> extra) throws IOException {
        Path file = dir.resolve(name);
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(TITLE);
            doc.getProperties().getCoreProperties().setCreator("파주시 민원여권과");
            XWPFParagraph title = doc.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText(TITLE);
            doc.createParagraph().createRun().setText(ARTICLE_1);
            doc.createParagraph().createRun().setText(ARTICLE_2);
            XWPFParagraph caption = doc.createParagraph();
            caption.setStyle("Caption");
            caption.createRun().setText(CAPTION);
            XWPFTable table = doc.createTable(TABLE.size(), TABLE.get(0).size());
            for (int r = 0; r < TABLE.size(); r++) {
                XWPFTableRow row = table.getRow(r);
                for (int c = 0; c < TABLE.get(r).size(); c++) {
                    row.getCell(c).setText(TABLE.get(r).get(c));
                }
            }
            for (String paragraph : extra) {
                doc.createParagraph().createRun().setText(paragraph);
            }
            doc.createParagraph().createRun().setText(ARTICLE_3);
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.write(out);
            }
        }
        return file;
    }

    // --- HWP 5 (hwplib)

    static Path hwp(Path dir, String name) throws Exception {
        return hwp(dir, name, List.of());
    }

    static Path hwp(Path dir, String name, List<String> extra) throws Exception {
        HWPFile hwp = kr.dogfoot.hwplib.tool.blankfilemaker.BlankFileMaker.make();
        Section section = hwp.getBodyText().getSectionList().get(0);
        hwpParagraph(section, TITLE, 2, 10); // style 2 = 개요 1
        hwpParagraph(section, ARTICLE_1, 0, 3);
        hwpParagraph(section, ARTICLE_2, 0, 3);
        hwpParagraph(section, CAPTION, 0, 3);
        hwpTable(hwp, section, TABLE);
        for (String paragraph : extra) {
            hwpParagraph(section, paragraph, 0, 3);
        }
        hwpParagraph(section, ARTICLE_3, 0, 3);
        Path file = dir.resolve(name);
        HWPWriter.toFile(hwp, file.toString());
        return file;
    }

    static Paragraph hwpParagraph(ParagraphListInterface list, String text, int styleId, int paraShapeId)
            throws IOException {
        if (list.getParagraphCount() > 0) {
            list.getParagraph(list.getParagraphCount() - 1).getHeader().setLastInList(false);
        }
        Paragraph p = list.addNewParagraph();
        ParaHeader header = p.getHeader();
        header.setLastInList(true);
        header.setParaShapeId(paraShapeId);
        header.setStyleId((short) styleId);
        header.setCharShapeCount(1);
        header.setRangeTagCount(0);
        header.setLineAlignCount(1);
        header.setInstanceID(0);
        p.createText();
        if (!text.isEmpty()) {
            p.getText().addString(text);
        }
        p.createCharShape();
        p.getCharShape().addParaCharShape(0, 0);
        p.createLineSeg();
        LineSegItem seg = p.getLineSeg().addNewLineSegItem();
        seg.setTextStartPosition(0);
        seg.setLineHeight(1000);
        seg.setTextPartHeight(1000);
        seg.setDistanceBaseLineToLineVerticalPosition(850);
        seg.setLineSpace(600);
        seg.setSegmentWidth(42520);
        seg.getTag().setFirstSegmentAtLine(true);
        seg.getTag().setLastSegmentAtLine(true);
        return p;
    }

    private static void hwpTable(HWPFile hwp, Section section, List<List<String>> rows) throws IOException {
        hwpTable(hwp, section, null, rows);
    }

    /** A table, with a caption object (표 캡션) when {@code caption} is not null. */
    static void hwpTable(HWPFile hwp, Section section, String caption, List<List<String>> rows) throws IOException {
        Paragraph anchor = hwpParagraph(section, "", 0, 3);
        anchor.getText().addExtendCharForTable();
        ControlTable table = (ControlTable) anchor.addNewControl(ControlType.Table);
        if (caption != null) {
            table.createCaption();
            table.getCaption().getListHeader().setParaCount(1);
            table.getCaption().getListHeader().setCaptionWidth(36000);
            table.getCaption().getListHeader().setTextWidth(36000);
            hwpParagraph(table.getCaption().getParagraphList(), caption, 0, 3);
        }
        CtrlHeaderGso h = table.getHeader();
        h.getProperty().setLikeWord(true);
        h.getProperty().setVertRelTo(VertRelTo.Para);
        h.getProperty().setVertRelativeArrange(RelativeArrange.TopOrLeft);
        h.getProperty().setHorzRelTo(HorzRelTo.Para);
        h.getProperty().setHorzRelativeArrange(RelativeArrange.TopOrLeft);
        h.getProperty().setWidthCriterion(WidthCriterion.Absolute);
        h.getProperty().setHeightCriterion(HeightCriterion.Absolute);
        h.getProperty().setTextFlowMethod(TextFlowMethod.FitWithText);
        h.getProperty().setTextHorzArrange(TextHorzArrange.BothSides);
        h.getProperty().setObjectNumberSort(ObjectNumberSort.Table);
        int columns = rows.get(0).size();
        long cellWidth = 12000;
        long cellHeight = 1500;
        h.setWidth(cellWidth * columns);
        h.setHeight(cellHeight * rows.size());
        kr.dogfoot.hwplib.object.bodytext.control.table.Table record = table.getTable();
        record.getProperty().setDivideAtPageBoundary(DivideAtPageBoundary.DivideByCell);
        record.setRowCount(rows.size());
        record.setColumnCount(columns);
        record.setBorderFillId(1);
        for (int r = 0; r < rows.size(); r++) {
            record.getCellCountOfRowList().add(columns);
            Row row = table.addNewRow();
            for (int c = 0; c < columns; c++) {
                Cell cell = row.addNewCell();
                ListHeaderForCell lh = cell.getListHeader();
                lh.setParaCount(1);
                lh.setColIndex(c);
                lh.setRowIndex(r);
                lh.setColSpan(1);
                lh.setRowSpan(1);
                lh.setWidth(cellWidth);
                lh.setHeight(cellHeight);
                lh.setBorderFillId(1);
                lh.setTextWidth(cellWidth);
                lh.setFieldName("");
                hwpParagraph(cell.getParagraphList(), rows.get(r).get(c), 0, 3);
            }
        }
    }

    // --- HWPX (hwpxlib)

    static Path hwpx(Path dir, String name) throws Exception {
        return hwpx(dir, name, List.of());
    }

    static Path hwpx(Path dir, String name, List<String> extra) throws Exception {
        HWPXFile hwpx = kr.dogfoot.hwpxlib.tool.blankfilemaker.BlankFileMaker.make();
        hwpx.contentHPFFile().metaData().createTitle();
        hwpx.contentHPFFile().metaData().title().addText(TITLE);
        SectionXMLFile section = hwpx.sectionXMLFileList().get(0);
        hwpxPara(section, TITLE, "2"); // 개요 1
        hwpxPara(section, ARTICLE_1, "0");
        hwpxPara(section, ARTICLE_2, "0");
        Para anchor = hwpxPara(section, "", "0");
        hwpxTable(anchor.addNewRun().charPrIDRefAnd("0"), CAPTION, TABLE);
        for (String paragraph : extra) {
            hwpxPara(section, paragraph, "0");
        }
        hwpxPara(section, ARTICLE_3, "0");
        Path file = dir.resolve(name);
        HWPXWriter.toFilepath(hwpx, file.toString());
        return file;
    }

    private static int hwpxIds = 1000;

    static Para hwpxPara(ParaListCore list, String text, String styleId) {
        Para p = list.addNewPara();
        p.idAnd(Integer.toString(hwpxIds++)).paraPrIDRefAnd("3").styleIDRefAnd(styleId).pageBreakAnd(false)
                .columnBreakAnd(false).mergedAnd(false);
        if (!text.isEmpty()) {
            p.addNewRun().charPrIDRefAnd("0").addNewT().addText(text);
        }
        return p;
    }

    private static void hwpxTable(Run run, String caption, List<List<String>> rows) {
        Table table = run.addNewTable();
        int columns = rows.get(0).size();
        table.idAnd(Integer.toString(hwpxIds++)).zOrderAnd(0)
                .rowCntAnd((short) rows.size()).colCntAnd((short) columns).cellSpacingAnd(0)
                .borderFillIDRefAnd("1").noAdjustAnd(false);
        table.createSZ();
        table.sz().width(36000L * columns / 3);
        table.sz().height(1500L * rows.size());
        table.sz().protect(false);
        table.createPos();
        table.pos().treatAsChar(true);
        table.pos().vertOffset(0L);
        table.pos().horzOffset(0L);
        table.createCaption();
        table.caption().createSubList();
        hwpxPara(table.caption().subList(), caption, "0");
        for (int r = 0; r < rows.size(); r++) {
            Tr tr = table.addNewTr();
            for (int c = 0; c < columns; c++) {
                Tc tc = tr.addNewTc();
                tc.nameAnd("").headerAnd(r == 0).hasMarginAnd(false).protectAnd(false).editableAnd(false)
                        .dirtyAnd(false).borderFillIDRefAnd("1");
                tc.createSubList();
                SubList sub = tc.subList();
                sub.idAnd("").textDirectionAnd(TextDirection.HORIZONTAL).lineWrapAnd(LineWrapMethod.BREAK)
                        .vertAlignAnd(VerticalAlign2.CENTER);
                hwpxPara(sub, rows.get(r).get(c), "0");
                tc.createCellAddr();
                tc.cellAddr().colAddr((short) c);
                tc.cellAddr().rowAddr((short) r);
                tc.createCellSpan();
                tc.cellSpan().colSpan((short) 1);
                tc.cellSpan().rowSpan((short) 1);
                tc.createCellSz();
                tc.cellSz().width(12000L);
                tc.cellSz().height(1500L);
            }
        }
    }
}
