package se.jobbtorg.coach.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fast acceptance test for the package's JSON Schemas: the few keywords they use, compiled
 * once, checked without the general validator's bookkeeping. It only ever says "certainly
 * valid": wherever it is unsure (a keyword it does not know, a value near an edge where two
 * readings of the standard could differ) it says no, and the reader asks the full validator,
 * which then gives the refusal and its message exactly as before. So a line it accepts is one
 * the schema accepts, and every refusal still comes from the schema itself.
 */
final class QuickSchema {
    /** Keywords that say nothing about validity. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$defs");

    private final Node root;

    private QuickSchema(Node root) {
        this.root = root;
    }

    /** The quick check of a schema, or null if the schema uses anything it does not know. */
    static QuickSchema of(JsonNode schema) {
        try {
            Map<String, Node> defs = new HashMap<>();
            List<Runnable> links = new ArrayList<>();
            Node root = compile(schema, schema, defs, links);
            links.forEach(Runnable::run);
            return new QuickSchema(root);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** True only if the schema certainly accepts the value. */
    boolean accepts(JsonNode value) {
        return root.accepts(value);
    }

    private static Node compile(JsonNode s, JsonNode document, Map<String, Node> defs, List<Runnable> links) {
        if (!s.isObject()) {
            throw new UnsupportedOperationException();
        }
        Node n = new Node();
        for (var field : s.properties()) {
            String key = field.getKey();
            JsonNode v = field.getValue();
            switch (key) {
                case "type" -> {
                    n.types = new HashSet<>();
                    if (v.isTextual()) {
                        n.types.add(v.asText());
                    } else if (v.isArray()) {
                        v.forEach(t -> n.types.add(t.asText()));
                    } else {
                        throw new UnsupportedOperationException();
                    }
                }
                case "properties" -> {
                    n.properties = new HashMap<>();
                    for (var p : v.properties()) {
                        n.properties.put(p.getKey(), compile(p.getValue(), document, defs, links));
                    }
                }
                case "required" -> {
                    n.required = new ArrayList<>();
                    v.forEach(r -> n.required.add(r.asText()));
                }
                case "additionalProperties" -> {
                    if (v.isBoolean()) {
                        n.closed = !v.asBoolean();
                    } else {
                        n.additional = compile(v, document, defs, links);
                    }
                }
                case "items" -> n.items = compile(v, document, defs, links);
                case "minItems" -> n.minItems = v.asInt();
                case "maxItems" -> n.maxItems = v.asInt();
                case "minLength" -> n.minLength = v.asInt();
                case "maxLength" -> n.maxLength = v.asInt();
                case "minimum" -> n.minimum = v.decimalValue();
                case "maximum" -> n.maximum = v.decimalValue();
                case "pattern" -> n.pattern = Pattern.compile(v.asText());
                case "const" -> n.allowed = List.of(v);
                case "enum" -> {
                    n.allowed = new ArrayList<>();
                    v.forEach(n.allowed::add);
                }
                case "$ref" -> {
                    String ref = v.asText();
                    if (!ref.startsWith("#/$defs/")) {
                        throw new UnsupportedOperationException();
                    }
                    String name = ref.substring("#/$defs/".length());
                    JsonNode target = document.path("$defs").path(name);
                    if (target.isMissingNode()) {
                        throw new UnsupportedOperationException();
                    }
                    if (!defs.containsKey(name)) {
                        defs.put(name, null);
                        defs.put(name, compile(target, document, defs, links));
                    }
                    // Resolved once every definition is compiled (a definition may refer to itself).
                    links.add(() -> n.ref = defs.get(name));
                }
                default -> {
                    if (!ANNOTATIONS.contains(key)) {
                        throw new UnsupportedOperationException();
                    }
                }
            }
        }
        return n;
    }

    private static final class Node {
        Set<String> types;
        Map<String, Node> properties;
        List<String> required;
        boolean closed;
        Node additional;
        Node items;
        Integer minItems;
        Integer maxItems;
        Integer minLength;
        Integer maxLength;
        BigDecimal minimum;
        BigDecimal maximum;
        Pattern pattern;
        List<JsonNode> allowed;
        Node ref;

        boolean accepts(JsonNode v) {
            if (ref != null && !ref.accepts(v)) {
                return false;
            }
            if (types != null && !hasType(v)) {
                return false;
            }
            if (allowed != null && !allowed.contains(v)) {
                return false;
            }
            if (v.isTextual() && !acceptsText(v.textValue())) {
                return false;
            }
            if (v.isNumber() && !acceptsNumber(v)) {
                return false;
            }
            if (v.isArray() && !acceptsArray(v)) {
                return false;
            }
            return !v.isObject() || acceptsObject(v);
        }

        private boolean hasType(JsonNode v) {
            for (String t : types) {
                boolean is = switch (t) {
                    case "string" -> v.isTextual();
                    case "null" -> v.isNull();
                    case "boolean" -> v.isBoolean();
                    case "object" -> v.isObject();
                    case "array" -> v.isArray();
                    // Integral JSON numbers only: 1.0 is left to the full validator.
                    case "integer" -> v.isIntegralNumber();
                    case "number" -> v.isNumber();
                    default -> false;
                };
                if (is) {
                    return true;
                }
            }
            return false;
        }

        private boolean acceptsText(String s) {
            if (minLength != null || maxLength != null) {
                int length = s.codePointCount(0, s.length());
                if (minLength != null && length < minLength || maxLength != null && length > maxLength) {
                    return false;
                }
            }
            if (pattern != null) {
                // A line break where "$" could match before it is a case regex dialects read
                // differently: left to the full validator.
                if (s.indexOf('\n') >= 0
                        || s.indexOf('\r') >= 0
                        || !pattern.matcher(s).find()) {
                    return false;
                }
            }
            return true;
        }

        private boolean acceptsNumber(JsonNode v) {
            if (minimum == null && maximum == null) {
                return true;
            }
            BigDecimal d = v.decimalValue();
            return (minimum == null || d.compareTo(minimum) >= 0) && (maximum == null || d.compareTo(maximum) <= 0);
        }

        private boolean acceptsArray(JsonNode v) {
            if (minItems != null && v.size() < minItems || maxItems != null && v.size() > maxItems) {
                return false;
            }
            if (items != null) {
                for (JsonNode item : v) {
                    if (!items.accepts(item)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean acceptsObject(JsonNode v) {
            if (required != null) {
                for (String r : required) {
                    if (!v.has(r)) {
                        return false;
                    }
                }
            }
            for (var field : v.properties()) {
                Node p = properties == null ? null : properties.get(field.getKey());
                if (p == null) {
                    p = additional;
                    if (closed) {
                        return false;
                    }
                }
                if (p != null && !p.accepts(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }
}
