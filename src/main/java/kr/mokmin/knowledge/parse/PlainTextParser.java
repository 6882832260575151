package kr.mokmin.knowledge.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Plain text in UTF-8 (with or without BOM), UTF-16 with BOM, or CP949/EUC-KR; lines are kept as they are. */
final class PlainTextParser implements DocumentParser {

    @Override
    public Set<DocumentFormat> formats() {
        return Set.of(DocumentFormat.PLAIN_TEXT);
    }

    @Override
    public ExtractedDocument parse(Path file, DocumentFormat format, ParseContext context) {
        TextDecoding.Decoded decoded = TextDecoding.decode(file, context.limits().maxTextChars(), context);
        TextAssembler out = new TextAssembler(context);
        out.lines(decoded.text());
        return out.build(format, Map.of("charset", charsetName(decoded)), context.warnings());
    }

    static String charsetName(TextDecoding.Decoded decoded) {
        if (decoded.charset().equals(TextDecoding.CP949)) {
            return "CP949";
        }
        String name = decoded.charset().equals(StandardCharsets.UTF_8) ? "UTF-8" : decoded.charset().name();
        return decoded.bom() ? name + " (BOM)" : name;
    }
}
