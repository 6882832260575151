package kr.mokmin.complaint.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kr.mokmin.support.Http;
import tools.jackson.databind.JsonNode;

/** Multipart uploads and byte downloads over real HTTP. */
final class AttachmentHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AttachmentHttp() {
    }

    record Part(String fileName, String contentType, byte[] content) {
    }

    record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return Http.JSON.readTree(body);
        }
    }

    static Part part(String fileName, String contentType, byte[] content) {
        return new Part(fileName, contentType, content);
    }

    /** A multipart/form-data body as a browser sends it: raw UTF-8 file names. */
    static HttpRequest.Builder upload(String url, List<Part> parts) {
        String boundary = "----mokmin" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part p : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + p.fileName().replace("\"", "%22") + "\"\r\nContent-Type: " + p.contentType() + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(p.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return Http.request(url).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    static Response upload(String url, String bearer, String citizenToken, Part... parts) {
        return send(auth(upload(url, List.of(parts)), bearer, citizenToken));
    }

    static Response get(String url, String bearer, String citizenToken) {
        return send(auth(Http.request(url).GET(), bearer, citizenToken));
    }

    static HttpRequest.Builder auth(HttpRequest.Builder b, String bearer, String citizenToken) {
        List<String> headers = new ArrayList<>();
        if (bearer != null) {
            headers.addAll(List.of("Authorization", "Bearer " + bearer));
        }
        if (citizenToken != null) {
            headers.addAll(List.of(AttachmentController.CITIZEN_TOKEN_HEADER, citizenToken));
        }
        return headers.isEmpty() ? b : b.headers(headers.toArray(String[]::new));
    }

    static Response send(HttpRequest.Builder request) {
        try {
            return sendChecked(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response sendChecked(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
