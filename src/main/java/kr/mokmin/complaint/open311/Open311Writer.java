package kr.mokmin.complaint.open311;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Renders GeoReport v2 documents. One neutral model feeds both formats, so JSON follows the XML by the Spark
 * convention the spec prescribes: an XML list element becomes a JSON array, a null value an empty XML element.
 * XML is written with the JDK's StAX writer: UTF-8, with the XML declaration, no namespace.
 */
final class Open311Writer {

    /** A list-valued field: in XML each value is wrapped in an element of this name. */
    record Items(String element, List<?> values) {
        Items {
            values = List.copyOf(values);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private Open311Writer() {
    }

    /** A list document: {@code <root><item>…</item>…</root>}, or a JSON array of objects. */
    static byte[] list(Open311Format format, String root, String item, List<? extends Map<String, ?>> items) {
        if (format == Open311Format.JSON) {
            return JSON.writeValueAsBytes(json(items));
        }
        return xml(w -> {
            w.writeStartElement(root);
            for (Map<String, ?> fields : items) {
                element(w, item, fields);
            }
            w.writeEndElement();
        });
    }

    /** A single-object document: {@code <root>fields</root>}, or a JSON object. */
    static byte[] object(Open311Format format, String root, Map<String, ?> fields) {
        if (format == Open311Format.JSON) {
            return JSON.writeValueAsBytes(json(fields));
        }
        return xml(w -> element(w, root, fields));
    }

    static byte[] errors(Open311Format format, List<Open311Exception.Error> errors) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Open311Exception.Error e : errors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", e.code());
            m.put("description", e.description());
            items.add(m);
        }
        return list(format, "errors", "error", items);
    }

    private static Object json(Object value) {
        if (value instanceof Items items) {
            return json(items.values());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Open311Writer::json).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, json(v)));
            return copy;
        }
        return value;
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] xml(XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write Open311 XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        switch (value) {
            case null -> w.writeEmptyElement(name);
            case Map<?, ?> fields -> {
                w.writeStartElement(name);
                for (Map.Entry<?, ?> field : fields.entrySet()) {
                    element(w, String.valueOf(field.getKey()), field.getValue());
                }
                w.writeEndElement();
            }
            case Items items -> {
                if (items.values().isEmpty()) {
                    w.writeEmptyElement(name);
                    return;
                }
                w.writeStartElement(name);
                for (Object v : items.values()) {
                    element(w, items.element(), v);
                }
                w.writeEndElement();
            }
            default -> {
                String text = text(value);
                if (text.isEmpty()) {
                    w.writeEmptyElement(name);
                    return;
                }
                w.writeStartElement(name);
                w.writeCharacters(text);
                w.writeEndElement();
            }
        }
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return xmlSafe(String.valueOf(value));
    }

    /** Drops characters XML 1.0 cannot carry (control characters, lone surrogates); the rest is escaped by StAX. */
    static String xmlSafe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }
}
