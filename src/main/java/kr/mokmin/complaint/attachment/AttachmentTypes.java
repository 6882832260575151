package kr.mokmin.complaint.attachment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Which sniffed media types are accepted, under which file extension they are offered for download, and as which
 * type they are served. Plain Java.
 */
public final class AttachmentTypes {

    /**
     * What 민원 usually come with: photos (including iPhone HEIC), scans, PDF, 한글 (HWP 3/5, HWPX), MS Office and
     * plain text. Archives are left out on purpose: their content cannot be checked here and they are the usual
     * wrapper for malware; an operator may add application/zip.
     */
    public static final List<String> DEFAULT_ALLOWED = List.of(
            "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/tiff",
            "image/bmp",
            "application/pdf",
            "application/x-hwp", ContentSniffer.HWP5, ContentSniffer.HWPX,
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            ContentSniffer.DOCX, ContentSniffer.XLSX, ContentSniffer.PPTX,
            "text/plain", "text/csv");

    /** Types that are code or active content; never accepted, whatever the configuration says. */
    private static final Set<String> NEVER = Set.of(
            "text/html", "application/xhtml+xml", "image/svg+xml", "application/xml", "text/xml",
            "text/javascript", "application/javascript", "application/x-javascript", "text/ecmascript",
            "application/ecmascript", "application/x-msdownload", "application/x-executable", "application/x-elf",
            "application/x-sharedlib", "application/x-mach-o-executable", "application/x-sh", "application/x-bat",
            "application/x-msdos-program", "application/x-ms-installer", "application/java-archive",
            "application/x-java-jnlp-file", "application/vnd.android.package-archive", "application/hta",
            "application/x-ms-shortcut", "application/octet-stream", "application/x-tika-msoffice");

    /** File extensions that fit each type; the first one is appended to a name that fits none. */
    private static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", List.of("jpg", "jpeg", "jpe", "jfif")),
            Map.entry("image/png", List.of("png")),
            Map.entry("image/gif", List.of("gif")),
            Map.entry("image/webp", List.of("webp")),
            Map.entry("image/heic", List.of("heic", "heif")),
            Map.entry("image/heif", List.of("heif", "heic")),
            Map.entry("image/tiff", List.of("tif", "tiff")),
            Map.entry("image/bmp", List.of("bmp", "dib")),
            Map.entry("application/pdf", List.of("pdf")),
            Map.entry("application/x-hwp", List.of("hwp")),
            Map.entry(ContentSniffer.HWP5, List.of("hwp", "hwt")),
            Map.entry(ContentSniffer.HWPX, List.of("hwpx", "hwtx")),
            Map.entry("application/msword", List.of("doc", "dot")),
            Map.entry("application/vnd.ms-excel", List.of("xls", "xlt")),
            Map.entry("application/vnd.ms-powerpoint", List.of("ppt", "pps", "pot")),
            Map.entry(ContentSniffer.DOCX, List.of("docx")),
            Map.entry(ContentSniffer.XLSX, List.of("xlsx")),
            Map.entry(ContentSniffer.PPTX, List.of("pptx")),
            Map.entry("text/plain", List.of("txt", "text")),
            Map.entry("text/csv", List.of("csv", "txt")),
            Map.entry("application/zip", List.of("zip")));

    private static final MimeTypes TIKA_TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TIKA_TYPES.getMediaTypeRegistry();

    private final Set<String> allowed;

    /**
     * @param configured media types from the settings; null or empty means {@link #DEFAULT_ALLOWED}
     * @throws IllegalArgumentException for a malformed type or one that is never allowed
     */
    public AttachmentTypes(List<String> configured) {
        List<String> source = configured == null ? List.of()
                : configured.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        if (source.isEmpty()) {
            source = DEFAULT_ALLOWED;
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String s : source) {
            String type = normalize(s);
            if (type == null) {
                throw new IllegalArgumentException("mokmin.attachments.allowed-types: not a media type: " + s);
            }
            if (NEVER.contains(type)) {
                throw new IllegalArgumentException(
                        "mokmin.attachments.allowed-types: " + type + " is code or active content and never allowed");
            }
            normalized.add(type);
        }
        this.allowed = Set.copyOf(normalized);
    }

    public boolean isAllowed(String mediaType) {
        String type = normalize(mediaType);
        return type != null && !NEVER.contains(type) && allowed.contains(type);
    }

    /** The allowed types, sorted. */
    public List<String> allowed() {
        return allowed.stream().sorted().toList();
    }

    /**
     * The content type a download is served with. Anything a browser could render as a document with scripts
     * (HTML, SVG, XML, JavaScript, other text) is served as application/octet-stream.
     */
    public static String servedType(String stored) {
        String type = normalize(stored);
        if (type == null || NEVER.contains(type) || type.endsWith("+xml") || type.endsWith("/xml")
                || type.contains("script") || type.startsWith("multipart/") || type.startsWith("message/")) {
            return ContentSniffer.OCTET_STREAM;
        }
        if (type.startsWith("text/") && !type.equals("text/plain") && !type.equals("text/csv")) {
            return ContentSniffer.OCTET_STREAM;
        }
        return type;
    }

    /**
     * Makes the file name's extension fit the content, so a download is opened by the right program: a text
     * file uploaded as {@code run.bat} is offered as {@code run.bat.txt}, never as a script Windows would run.
     */
    public static String withFittingExtension(String fileName, String mediaType) {
        List<String> fitting = extensionsOf(mediaType);
        if (fitting.isEmpty()) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (fitting.contains(ext)) {
            return fileName;
        }
        return FileNames.limit(fileName, "." + fitting.getFirst());
    }

    static List<String> extensionsOf(String mediaType) {
        String type = normalize(mediaType);
        if (type == null) {
            return List.of();
        }
        List<String> known = EXTENSIONS.get(type);
        if (known != null) {
            return known;
        }
        try {
            List<String> result = new ArrayList<>();
            for (String e : TIKA_TYPES.forName(type).getExtensions()) {
                result.add(e.startsWith(".") ? e.substring(1).toLowerCase(Locale.ROOT) : e.toLowerCase(Locale.ROOT));
            }
            return result;
        } catch (MimeTypeException e) {
            return List.of();
        }
    }

    /** Lower-case base type with Tika's aliases resolved (e.g. image/jpg → image/jpeg); null if malformed. */
    static String normalize(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        MediaType parsed = MediaType.parse(mediaType.strip().toLowerCase(Locale.ROOT));
        if (parsed == null) {
            return null;
        }
        return REGISTRY.normalize(parsed.getBaseType()).toString();
    }
}
