package kr.mokmin.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import kr.mokmin.support.Http;
import tools.jackson.databind.JsonNode;

/** Test helpers for Open311: form posts, DOM parsing of the XML answers, and the spec's error format. */
final class Open311Client {

    private Open311Client() {
    }

    static Map<String, String> form(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Http.Response postForm(String url, Map<String, String> form, String... headers) {
        var b = Http.request(url).header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form), StandardCharsets.UTF_8));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return Http.send(b.build());
    }

    static Http.Response get(String url) {
        return Http.get(url, null);
    }

    static Http.Response get(String url, String accept) {
        return Http.send(Http.request(url).header("Accept", accept).GET().build());
    }

    static Http.Response method(String url, String method) {
        return Http.send(Http.request(url).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Document xml(Http.Response r) {
        assertThat(r.contentType()).startsWith("text/xml").containsIgnoringCase("charset=utf-8");
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + r.body(), e);
        }
    }

    static JsonNode json(Http.Response r) {
        assertThat(r.contentType()).startsWith("application/json").containsIgnoringCase("charset=utf-8");
        return r.json();
    }

    /** Element children of a node with the given name. */
    static List<Element> children(Node parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Node parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getNodeName()).hasSize(1);
        return found.getFirst();
    }

    static String text(Node parent, String name) {
        return child(parent, name).getTextContent();
    }

    /** Asserts the GeoReport v2 JSON error list and returns it. */
    static JsonNode jsonError(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode errors = json(r);
        assertThat(errors.isArray()).as(r.body()).isTrue();
        assertThat(errors.size()).isPositive();
        for (JsonNode e : errors) {
            assertThat(e.get("code").asInt()).isEqualTo(status);
            assertThat(e.get("description").asString()).isNotBlank();
        }
        return errors;
    }

    /** Asserts the GeoReport v2 XML error list and returns the descriptions. */
    static List<String> xmlError(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        Element root = xml(r).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        List<Element> errors = children(root, "error");
        assertThat(errors).isNotEmpty();
        List<String> descriptions = new ArrayList<>();
        for (Element e : errors) {
            assertThat(text(e, "code")).isEqualTo(String.valueOf(status));
            descriptions.add(text(e, "description"));
        }
        return descriptions;
    }
}
