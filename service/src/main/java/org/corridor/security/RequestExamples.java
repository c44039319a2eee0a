package org.corridor.security;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

/**
 * An example value made from a schema, for a request body the document gives no example
 * for: each property with a value of its type (the first of an enum, an id that looks
 * like Corridor's ids, a time in ISO 8601), nested schemas followed a few levels deep.
 */
final class RequestExamples {

    private static final int DEPTH = 4;

    private RequestExamples() {
    }

    static Object of(Schema<?> schema, Components components, int depth) {
        if (schema == null || depth > DEPTH) {
            return null;
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return components.getSchemas() == null ? null
                    : of(components.getSchemas().get(name), components, depth + 1);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return of(schema.getOneOf().get(0), components, depth);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return of(schema.getAllOf().get(0), components, depth);
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next()
                        : schema.getProperties() != null ? "object" : null;
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "object" -> object(schema, components, depth);
            case "array" -> {
                List<Object> items = new ArrayList<>();
                Object item = of(schema.getItems(), components, depth + 1);
                if (item != null) {
                    items.add(item);
                }
                yield items;
            }
            case "integer" -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE).intValue() : 1;
            case "number" -> 1.0;
            case "boolean" -> false;
            case "string" -> string(schema);
            default -> null;
        };
    }

    private static Map<String, Object> object(Schema<?> schema, Components components, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                Object value = name.endsWith("Id") && isString(property) ? "4f9a2c1e-7b3d-4e8a-9c61-2d5e8f0a7b14"
                        : of(property, components, depth + 1);
                if (value != null) {
                    object.put(name, value);
                }
            });
        }
        return object;
    }

    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType()) && schema.getFormat() == null && schema.getEnum() == null;
    }

    private static String string(Schema<?> schema) {
        if (schema.getFormat() != null) {
            switch (schema.getFormat()) {
                case "date-time":
                    return "2026-09-08T14:05:00Z";
                case "date":
                    return "2026-09-08";
                case "time", "partial-time":
                    return "08:15:00";
                case "uuid":
                    return "4f9a2c1e-7b3d-4e8a-9c61-2d5e8f0a7b14";
                case "email":
                    return "rivera@corridor.test";
                default:
                    break;
            }
        }
        String text = "text";
        if (schema.getMinLength() != null && schema.getMinLength() > text.length()) {
            text = "t".repeat(schema.getMinLength());
        }
        return text;
    }

}
