package kr.mokmin.knowledge.cli;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A multipart/form-data body (RFC 7578) for java.net.http whose file parts are read from disk as they are sent:
 * a 100 MB file never sits in memory. The length is known in advance, so the request carries a Content-Length.
 */
public final class MultipartBody {

    private final String boundary;
    private final List<BodyPublisher> parts = new ArrayList<>();

    public MultipartBody() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        this.boundary = "mokmin-" + HexFormat.of().formatHex(random);
    }

    /** A text field; nothing is added for a null value. */
    public MultipartBody field(String name, String value) {
        if (value != null) {
            parts.add(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n"));
        }
        return this;
    }

    /** A file part, streamed from {@code file} and sent under {@code fileName} (UTF-8, as browsers send it). */
    public MultipartBody file(String name, Path file, String fileName) throws FileNotFoundException {
        parts.add(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
                + "\"; filename=\"" + quote(fileName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        parts.add(BodyPublishers.ofFile(file));
        parts.add(bytes("\r\n"));
        return this;
    }

    /** A file part from bytes in memory (small test files). */
    public MultipartBody file(String name, byte[] content, String fileName) {
        parts.add(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name)
                + "\"; filename=\"" + quote(fileName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        parts.add(BodyPublishers.ofByteArray(content));
        parts.add(bytes("\r\n"));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(bytes("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    /** Sets the body and its Content-Type on a request. */
    public HttpRequest.Builder applyTo(HttpRequest.Builder request) {
        return request.header("Content-Type", contentType()).POST(publisher());
    }

    private static BodyPublisher bytes(String s) {
        return BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Quotes and line breaks cannot appear inside a quoted header parameter. */
    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "%22").replace("\r", " ").replace("\n", " ");
    }
}
