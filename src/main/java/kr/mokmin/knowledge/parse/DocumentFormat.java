package kr.mokmin.knowledge.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The document formats the knowledge base can extract text from, as recognised from their bytes. */
public enum DocumentFormat {
    PLAIN_TEXT("text/plain", false, "txt", "text", "csv", "log"),
    MARKDOWN("text/markdown", false, "md", "markdown"),
    HTML("text/html", false, "html", "htm", "xhtml"),
    PDF("application/pdf", true, "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, "docx"),
    /** 한글 (Hancom) 5.x binary: an OLE2 compound file. */
    HWP("application/x-hwp-v5", false, "hwp"),
    /** 한글 OWPML (KS X 6101): a ZIP container. */
    HWPX("application/hwp+zip", false, "hwpx"),
    PNG("image/png", false, "png"),
    JPEG("image/jpeg", false, "jpg", "jpeg"),
    TIFF("image/tiff", true, "tif", "tiff");

    private final String mediaType;
    private final boolean paged;
    private final Set<String> extensions;

    DocumentFormat(String mediaType, boolean paged, String... extensions) {
        this.mediaType = mediaType;
        this.paged = paged;
        this.extensions = Set.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether extraction reports {@link PageSpan}s (PDF pages, TIFF frames). */
    public boolean paged() {
        return paged;
    }

    public boolean isImage() {
        return this == PNG || this == JPEG || this == TIFF;
    }

    public boolean isText() {
        return this == PLAIN_TEXT || this == MARKDOWN || this == HTML;
    }

    /** File name extensions (lower case, no dot) that usually carry this format. */
    public Set<String> extensions() {
        return extensions;
    }

    /** The format a file name's extension suggests; a hint only, never trusted over the content. */
    public static Optional<DocumentFormat> byExtension(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (DocumentFormat format : values()) {
            if (format.extensions.contains(ext)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
