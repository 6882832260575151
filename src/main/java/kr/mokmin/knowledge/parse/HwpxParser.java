package kr.mokmin.knowledge.parse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import kr.dogfoot.hwpxlib.object.HWPXFile;
import kr.dogfoot.hwpxlib.object.common.HWPXObject;
import kr.dogfoot.hwpxlib.object.content.context_hpf.ContentHPFFile;
import kr.dogfoot.hwpxlib.object.content.context_hpf.Meta;
import kr.dogfoot.hwpxlib.object.content.context_hpf.MetaData;
import kr.dogfoot.hwpxlib.object.content.header_xml.references.Style;
import kr.dogfoot.hwpxlib.object.content.section_xml.ParaListCore;
import kr.dogfoot.hwpxlib.object.content.section_xml.SectionXMLFile;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.Ctrl;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.CtrlItem;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.Para;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.Run;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.RunItem;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.T;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.TItem;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.ctrl.EndNote;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.ctrl.FootNote;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.Equation;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.Table;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.table.Tc;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.object.table.Tr;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.t.DeleteBegin;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.t.DeleteEnd;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.t.FWSpace;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.t.Hyphen;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.t.LineBreak;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.t.NBSpace;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.t.NormalText;
import kr.dogfoot.hwpxlib.object.content.section_xml.paragraph.t.Tab;
import kr.dogfoot.hwpxlib.reader.HWPXReader;
import kr.dogfoot.hwpxlib.tool.textextractor.TextExtractMethod;
import kr.dogfoot.hwpxlib.tool.textextractor.TextExtractor;
import kr.dogfoot.hwpxlib.tool.textextractor.TextMarks;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * HWPX (한글 OWPML, KS X 6101) through hwpxlib, after {@link ZipGuard} has checked the container and the manifest
 * has been checked for encryption. Paragraphs in order (text deleted under change tracking is left out), 개요 N
 * styles as headings, tables as rows with their caption, drawing objects (text boxes) through hwpxlib's text
 * extractor, footnotes and endnotes at the end; page headers and footers are left out.
 */
final class HwpxParser implements DocumentParser {

    private static final Pattern OUTLINE_STYLE = Pattern.compile("(?i)^(?:개요|outline)\\s*([1-9])$");

    @Override
    public Set<DocumentFormat> formats() {
        return Set.of(DocumentFormat.HWPX);
    }

    @Override
    public ExtractedDocument parse(Path file, DocumentFormat format, ParseContext context) {
        ZipGuard.check(file, context);
        checkEncryption(file);
        HWPXFile hwpx;
        try {
            hwpx = HWPXReader.fromFile(file.toFile());
        } catch (Exception | StackOverflowError e) {
            throw new DocumentParseException(Reason.CORRUPT, "HWPX cannot be read: " + e, e);
        }
        try {
            TextAssembler out = new TextAssembler(context);
            Walker walker = new Walker(out, context, outlineStyles(hwpx));
            for (SectionXMLFile section : hwpx.sectionXMLFileList().items()) {
                walker.paras(section);
            }
            walker.notes();
            return out.build(format, metadata(hwpx), context.warnings());
        } catch (DocumentParseException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new DocumentParseException(Reason.CORRUPT, "HWPX structure cannot be walked: " + e, e);
        }
    }

    /** An encrypted HWPX lists its encrypted parts with encryption data in META-INF/manifest.xml. */
    private static void checkEncryption(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.ISO_8859_1)) {
            ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
            if (manifest == null) {
                return;
            }
            try (InputStream in = zip.getInputStream(manifest)) {
                String xml = new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
                if (xml.toLowerCase(Locale.ROOT).contains("encryption-data")) {
                    throw new DocumentParseException(Reason.ENCRYPTED, "the HWPX document is password-protected");
                }
            }
        } catch (DocumentParseException e) {
            throw e;
        } catch (Exception e) {
            throw FormatSniffer.zipFailure(file, e);
        }
    }

    private static Map<String, Integer> outlineStyles(HWPXFile hwpx) {
        Map<String, Integer> levels = new HashMap<>();
        try {
            for (Style style : hwpx.headerXMLFile().refList().styles().items()) {
                for (String name : new String[] {style.name(), style.engName()}) {
                    if (name != null) {
                        Matcher m = OUTLINE_STYLE.matcher(name.strip());
                        if (m.matches()) {
                            levels.put(style.id(), Integer.parseInt(m.group(1)));
                        }
                    }
                }
            }
        } catch (RuntimeException ignored) {
            // no header or no styles: no headings
        }
        return levels;
    }

    private static final class Walker {
        private final TextAssembler out;
        private final ParseContext context;
        private final Map<String, Integer> outline;
        private final List<String> notes = new ArrayList<>();
        private final TextMarks marks = new TextMarks().paraSeparatorAnd("\n").lineBreakAnd("\n").tabAnd("\t")
                .tableCellSeparatorAnd(" ").tableRowSeparatorAnd(" ");
        private int visited;

        Walker(TextAssembler out, ParseContext context, Map<String, Integer> outline) {
            this.out = out;
            this.context = context;
            this.outline = outline;
        }

        void paras(ParaListCore list) throws Exception {
            for (Para para : list.paras()) {
                para(para);
            }
        }

        private void para(Para para) throws Exception {
            if ((++visited & 255) == 0) {
                context.checkDeadline();
            }
            List<RunItem> objects = new ArrayList<>();
            String text = text(para, objects);
            Integer level = para.styleIDRef() == null ? null : outline.get(para.styleIDRef());
            if (level != null) {
                out.heading(level, text);
            } else {
                out.paragraph(text);
            }
            for (RunItem item : objects) {
                if (item instanceof Table table) {
                    table(table);
                } else if (item instanceof Ctrl ctrl) {
                    for (CtrlItem ci : ctrl.ctrlItems()) {
                        if (ci instanceof FootNote || ci instanceof EndNote) {
                            notes.add(objectText(ci));
                        }
                    }
                } else if (!(item instanceof Equation)) {
                    out.paragraph(objectText(item));
                }
            }
        }

        /** The paragraph's own text; tables, drawing objects and controls are collected into {@code objects}. */
        private String text(Para para, List<RunItem> objects) {
            StringBuilder sb = new StringBuilder();
            boolean deleted = false;
            for (Run run : para.runs()) {
                for (RunItem item : run.runItems()) {
                    if (item instanceof T t) {
                        if (t.isOnlyText() || t.items() == null) {
                            String s = t.onlyText();
                            if (!deleted && s != null) {
                                sb.append(s);
                            }
                            continue;
                        }
                        for (TItem ti : t.items()) {
                            if (ti instanceof DeleteBegin) {
                                deleted = true;
                            } else if (ti instanceof DeleteEnd) {
                                deleted = false;
                            } else if (deleted) {
                                continue;
                            } else if (ti instanceof NormalText nt) {
                                sb.append(nt.text() == null ? "" : nt.text());
                            } else if (ti instanceof Tab) {
                                sb.append('\t');
                            } else if (ti instanceof LineBreak) {
                                sb.append('\n');
                            } else if (ti instanceof NBSpace || ti instanceof FWSpace) {
                                sb.append(' ');
                            } else if (ti instanceof Hyphen) {
                                sb.append('-');
                            }
                        }
                    } else if (item instanceof Ctrl ctrl) {
                        objects.add(ctrl);
                    } else if (item != null) {
                        objects.add(item);
                    }
                }
            }
            return sb.toString();
        }

        private void table(Table table) throws Exception {
            String caption = null;
            if (table.caption() != null && table.caption().subList() != null) {
                caption = listText(table.caption().subList());
            }
            List<List<String>> rows = new ArrayList<>();
            for (Tr tr : table.trs()) {
                List<String> cells = new ArrayList<>();
                for (Tc tc : tr.tcs()) {
                    cells.add(tc.subList() == null ? "" : listText(tc.subList()));
                }
                rows.add(cells);
            }
            out.table(caption == null || caption.isBlank() ? null : caption, rows);
        }

        /** A cell's or caption's text on one line; nested tables and objects are flattened into it. */
        private String listText(ParaListCore list) throws Exception {
            StringBuilder sb = new StringBuilder();
            for (Para para : list.paras()) {
                if ((++visited & 255) == 0) {
                    context.checkDeadline();
                }
                List<RunItem> objects = new ArrayList<>();
                sb.append(text(para, objects)).append(' ');
                for (RunItem item : objects) {
                    if (item instanceof Table nested) {
                        for (Tr tr : nested.trs()) {
                            for (Tc tc : tr.tcs()) {
                                if (tc.subList() != null) {
                                    sb.append(listText(tc.subList())).append(' ');
                                }
                            }
                        }
                    } else if (!(item instanceof Ctrl) && !(item instanceof Equation)) {
                        sb.append(objectText(item)).append(' ');
                    }
                }
            }
            return sb.toString().strip();
        }

        /** The text inside a drawing object or note (hwpxlib's extractor); a damaged one is skipped with a warning. */
        private String objectText(HWPXObject object) {
            try {
                String text = TextExtractor.extractFrom(object, TextExtractMethod.InsertControlTextBetweenParagraphText,
                        marks);
                return text == null ? "" : text;
            } catch (Exception | StackOverflowError e) {
                context.warn("the text of a " + object.getClass().getSimpleName() + " object could not be read: "
                        + e);
                return "";
            }
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

    private static Map<String, String> metadata(HWPXFile hwpx) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            ContentHPFFile content = hwpx.contentHPFFile();
            MetaData meta = content == null ? null : content.metaData();
            if (meta == null) {
                return m;
            }
            if (meta.title() != null) {
                put(m, "title", meta.title().text());
            }
            if (meta.language() != null) {
                put(m, "language", meta.language().text());
            }
            for (Meta item : meta.metas()) {
                String name = item.name() == null ? "" : item.name().toLowerCase(Locale.ROOT);
                String key = switch (name) {
                    case "creator" -> "author";
                    case "subject" -> "subject";
                    case "description" -> "description";
                    case "keyword", "keywords" -> "keywords";
                    case "createddate" -> "created";
                    case "modifieddate" -> "modified";
                    case "lastsaveby" -> "lastModifiedBy";
                    default -> null;
                };
                if (key != null) {
                    put(m, key, item.text()); // content="text" is the value's type, not the value
                }
            }
        } catch (RuntimeException ignored) {
            // metadata is optional
        }
        return m;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, TextAssembler.oneLine(TextAssembler.clean(value)));
        }
    }
}
