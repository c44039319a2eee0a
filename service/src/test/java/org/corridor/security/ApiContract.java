package org.corridor.security;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document as a contract an answer is checked against: is its status
 * documented for the operation (exactly, as a range like {@code 4XX}, or
 * {@code default}), is a 4xx a problem, does a JSON body validate against the documented
 * schema. The validator knows what springdoc writes: {@code $ref}, {@code type},
 * {@code nullable}, {@code properties} and {@code required}, {@code items},
 * {@code additionalProperties}, {@code enum}, {@code oneOf}/{@code anyOf}/{@code allOf},
 * the formats {@code date-time}, {@code date}. It is strict: a property the schema does
 * not declare is a mismatch unless the schema allows more.
 */
final class ApiContract {

    private static final ObjectMapper json = new ObjectMapper();

    private final JsonNode document;

    private final List<Operation> operations = new ArrayList<>();

    record Operation(String method, String path, JsonNode node, Pattern pattern) {

        boolean matches(String method, String concretePath) {
            return this.method.equalsIgnoreCase(method) && pattern.matcher(concretePath).matches();
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }

    }

    ApiContract(JsonNode document) {
        this.document = document;
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+\\}", "\\\\E[^/]+\\\\Q");
                operations.add(
                        new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue(), Pattern.compile(regex)));
            }
        }));
    }

    List<Operation> operations() {
        return operations;
    }

    JsonNode document() {
        return document;
    }

    Optional<Operation> operation(String method, String concretePath) {
        // a literal path (/api/passes/mine) wins over a template (/api/passes/{id})
        return operations.stream()
            .filter(o -> o.matches(method, concretePath))
            .min((a, b) -> Long.compare(a.path().chars().filter(c -> c == '{').count(),
                    b.path().chars().filter(c -> c == '{').count()));
    }

    JsonNode resolve(JsonNode schema) {
        int hops = 0;
        while (schema != null && schema.has("$ref") && hops++ < 20) {
            String ref = schema.get("$ref").asText();
            schema = document.at(ref.substring(1));
        }
        return schema;
    }

    /**
     * What is wrong with this answer to the operation, if anything: one line each, empty
     * when it matches the document.
     */
    List<String> check(Operation op, int status, String contentType, String body) {
        List<String> wrong = new ArrayList<>();
        String where = op.method() + " " + op.path() + " -> " + status;
        JsonNode responses = op.node().path("responses");
        JsonNode response = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status))
                : responses.has(status / 100 + "XX") ? responses.get(status / 100 + "XX") : responses.get("default");
        if (response == null) {
            wrong.add(where + ": status not documented (documented: " + names(responses) + ")");
            return wrong;
        }
        response = resolve(response);
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        if (status >= 400) {
            if (!"application/problem+json".equals(type)) {
                wrong.add(where + ": a refusal that is not a problem (" + contentType + ")");
                return wrong;
            }
            JsonNode problem = parse(body);
            if (problem == null || !problem.path("type").isTextual() || !problem.path("title").isTextual()
                    || problem.path("status").asInt() != status) {
                wrong.add(where + ": a problem without type, title or its status: " + abbreviate(body));
                return wrong;
            }
        }
        JsonNode content = response.path("content");
        if (body == null || body.isEmpty()) {
            return wrong;
        }
        if (!content.isObject() || content.isEmpty()) {
            wrong.add(where + ": a body where the document promises none (" + contentType + ")");
            return wrong;
        }
        JsonNode media = content.has(type) ? content.get(type) : content.get("*/*");
        if (media == null) {
            wrong.add(where + ": content type " + contentType + " not documented (" + names(content) + ")");
            return wrong;
        }
        if (!type.endsWith("json") || !media.has("schema")) {
            return wrong;
        }
        JsonNode value = parse(body);
        if (value == null) {
            wrong.add(where + ": not JSON: " + abbreviate(body));
            return wrong;
        }
        validate(value, media.get("schema"), where + " body", wrong, 0);
        return wrong;
    }

    void validate(JsonNode value, JsonNode schema, String at, List<String> errors, int depth) {
        if (depth > 40 || schema == null || errors.size() > 20) {
            return;
        }
        schema = resolve(schema);
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && (schema.has("type") || schema.has("properties"))) {
                errors.add(at + ": null, not marked nullable");
            }
            return;
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode branch : schema.get("oneOf")) {
                List<String> branchErrors = new ArrayList<>();
                validate(value, branch, at, branchErrors, depth + 1);
                matching += branchErrors.isEmpty() ? 1 : 0;
            }
            if (matching != 1) {
                errors.add(at + ": matches " + matching + " branches of its oneOf, not exactly one");
            }
            return;
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            List<String> why = new ArrayList<>();
            for (JsonNode branch : schema.get("anyOf")) {
                List<String> branchErrors = new ArrayList<>();
                validate(value, branch, at, branchErrors, depth + 1);
                any |= branchErrors.isEmpty();
                why.addAll(branchErrors);
            }
            if (!any) {
                errors.add(at + ": matches none of its anyOf (" + String.join("; ", why) + ")");
            }
            return;
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                validate(value, part, at, errors, depth + 1);
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> object(value, schema, at, errors, depth);
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(at + ": not an array");
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    validate(item, schema.get("items"), at + "[" + i++ + "]", errors, depth + 1);
                }
            }
            case "string" -> string(value, schema, at, errors);
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(at + ": not an integer: " + value);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(at + ": not a number: " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(at + ": not a boolean: " + value);
                }
            }
            default -> {
            }
        }
    }

    private void object(JsonNode value, JsonNode schema, String at, List<String> errors, int depth) {
        if (!value.isObject()) {
            errors.add(at + ": not an object: " + abbreviate(value.toString()));
            return;
        }
        JsonNode properties = schema.path("properties");
        schema.path("required").forEach(name -> {
            if (!value.has(name.asText())) {
                errors.add(at + ": required " + name.asText() + " missing");
            }
        });
        JsonNode additional = schema.get("additionalProperties");
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), at + "." + field.getKey(), errors,
                        depth + 1);
            }
            else if (additional != null && additional.isObject()) {
                validate(field.getValue(), additional, at + "." + field.getKey(), errors, depth + 1);
            }
            else if (additional == null || !additional.asBoolean(true)) {
                errors.add(at + ": " + field.getKey() + " is not in the document");
            }
        }
    }

    private static void string(JsonNode value, JsonNode schema, String at, List<String> errors) {
        if (!value.isTextual()) {
            errors.add(at + ": not a string: " + abbreviate(value.toString()));
            return;
        }
        String text = value.asText();
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.asText().equals(text);
            }
            if (!listed) {
                errors.add(at + ": " + text + " is not one of " + schema.get("enum"));
            }
        }
        try {
            switch (schema.path("format").asText()) {
                case "date-time" -> OffsetDateTime.parse(text);
                case "date" -> LocalDate.parse(text);
                case "time", "partial-time" -> LocalTime.parse(text);
                default -> {
                }
            }
        }
        catch (RuntimeException e) {
            errors.add(at + ": " + text + " is not a " + schema.path("format").asText());
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null ? null : json.readTree(body);
        }
        catch (Exception e) {
            return null;
        }
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

}
