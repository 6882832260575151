package kr.mokmin.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kr.mokmin.support.Http;

/** A cookie-keeping HTTP client for page tests: fetches forms, reads their hidden fields, posts them back. */
final class PageClient {

    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final String base;
    private final HttpClient client;

    PageClient(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Http.Response get(String path) {
        return send(Http.request(base + path).header("Accept", "text/html").GET().build());
    }

    /** Posts a urlencoded form as given (no CSRF token added). */
    Http.Response post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("&"));
        return send(Http.request(base + path).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Opens {@code pagePath}, takes the hidden fields of its form (CSRF token, form key …) and posts them with {@code fields}. */
    Http.Response submit(String pagePath, String action, Map<String, String> fields) {
        Http.Response page = get(pagePath);
        if (page.status() != 200) {
            throw new AssertionError("GET " + pagePath + " gave " + page.status());
        }
        Map<String, String> all = new LinkedHashMap<>(hiddenFields(page.body()));
        all.putAll(fields);
        return post(action, all);
    }

    Http.Response login(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.putIfAbsent(m.group(1), unescape(m.group(2)));
        }
        return fields;
    }

    static String hidden(String html, String name) {
        return hiddenFields(html).get(name);
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private Http.Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
