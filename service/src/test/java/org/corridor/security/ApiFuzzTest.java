package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.testing.ApiTest;

/**
 * Every operation of the OpenAPI document, driven with generated inputs (jqwik's
 * generators, with their edge cases: empty and huge strings, control characters, lone
 * surrogates, extreme numbers), valid and invalid, as every kind of caller: nobody, a
 * student, a teacher, an administrator, an auditor, a kiosk. Every answer must be below
 * 500, every refusal a problem, and every answer what the document says
 * ({@link ApiContract}). Path ids come from a pool filled with the ids the demo school's
 * answers name, so most requests reach real rows.
 * <p>
 * Runs on its own in-memory H2 database: an administrator's fuzzed calls delete and
 * change the demo school. A short run (40 s) in {@code ./mvnw verify}; a long one with
 * {@code -Dcorridor.fuzz.seconds=420} (docs/operators.md). The seed is printed and can be
 * given back with {@code -Dcorridor.fuzz.seed=}. Figures go to
 * {@code service/target/fuzz-report.txt}.
 */
@TestPropertySource(
        properties = { "spring.datasource.url=jdbc:h2:mem:corridor-fuzz;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "camunda.bpm.process-engine-name=fuzzTests" })
class ApiFuzzTest extends ApiTest {

    private static final ObjectMapper json = new ObjectMapper();

    private static final List<String> PEOPLE = List.of("ava", "rivera", "admin", "auditor", "chen");

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    private Random random;

    private final LinkedHashSet<String> ids = new LinkedHashSet<>();

    private final Map<String, AtomicLong> byStatus = new TreeMap<>();

    private final Map<String, AtomicLong> byCaller = new TreeMap<>();

    private final List<String> serverErrors = new ArrayList<>();

    private final List<String> notProblems = new ArrayList<>();

    private final List<String> mismatches = new ArrayList<>();

    private Arbitrary<String> strings;

    private Arbitrary<Long> numbers;

    private String kiosk;

    @Test
    void everyOperationAnswersAsItsDocumentSaysWhateverItIsSent() throws Exception {
        long seconds = Long.getLong("corridor.fuzz.seconds", 40);
        long seed = Long.getLong("corridor.fuzz.seed", System.nanoTime());
        random = new Random(seed);
        strings = hostileStrings();
        numbers = Arbitraries.longs();
        ApiContract contract = new ApiContract(json.readTree(send("GET", "/v3/api-docs", null, null, Map.of()).body()));
        kiosk = kioskToken("Room 204");
        collectIds(contract);
        assertThat(ids).as("ids named by the demo school's answers").hasSizeGreaterThan(10);

        long requests = 0;
        Instant end = Instant.now().plusSeconds(seconds);
        List<ApiContract.Operation> operations = contract.operations();
        while (Instant.now().isBefore(end)) {
            ApiContract.Operation op = operations.get(random.nextInt(operations.size()));
            String caller = caller();
            Call call = build(contract, op);
            Answer answer = send(op.method(), call.path(), call.contentType(), call.body(), headers(caller, call));
            requests++;
            byStatus.computeIfAbsent(Integer.toString(answer.status()), s -> new AtomicLong()).incrementAndGet();
            byCaller.computeIfAbsent(caller, c -> new AtomicLong()).incrementAndGet();
            String what = op.method() + " " + call.path() + " as " + caller + " with " + abbreviate(call.body());
            if (answer.status() >= 500) {
                serverErrors.add(what + " -> " + answer.status() + " " + abbreviate(answer.body()));
                continue;
            }
            for (String wrong : contract.check(op, answer.status(), answer.contentType(), answer.body())) {
                (wrong.contains("not a problem") ? notProblems : mismatches).add(wrong + "\n    (" + what + ")");
            }
            collect(answer);
        }

        String report = "API fuzz run: seed " + seed + ", " + seconds + " s, " + operations.size() + " operations, "
                + requests + " requests\nrequests by caller: " + byCaller + "\nanswers by status: " + byStatus
                + "\n5xx: " + serverErrors.size() + "\nnon-problem 4xx: " + notProblems.size()
                + "\ndocument mismatches: " + mismatches.size() + "\n" + String.join("\n", grouped(serverErrors)) + "\n"
                + String.join("\n", grouped(notProblems)) + "\n" + String.join("\n", grouped(mismatches)) + "\n";
        System.out.println(report);
        // getBytes replaces a lone surrogate of a fuzzed value; writeString would throw
        Files.write(Path.of("target", "fuzz-report.txt"), report.getBytes(StandardCharsets.UTF_8));
        assertThat(requests).as(report).isGreaterThan(100);
        assertThat(serverErrors).as(report).isEmpty();
        assertThat(notProblems).as(report).isEmpty();
        // The short run in every build reports what differs from the document but fails
        // on it
        // only when asked (-Dcorridor.fuzz.strict=true, as the documented long run is): a
        // rare
        // null found by chance must not fail an unrelated change's build. ApiDocumentTest
        // holds every GET's answer against the document on each build.
        if (Boolean.getBoolean("corridor.fuzz.strict")) {
            assertThat(mismatches).as(report).isEmpty();
        }
    }

    /** Strings an attacker would try, and whatever jqwik makes of any character. */
    private static Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().alpha().numeric().withChars('-', '_', ' ').ofMaxLength(40),
                Arbitraries.strings().all().ofMinLength(300).ofMaxLength(3000),
                Arbitraries.of("", " ", "null", "0", "-1", "../..", "%00", "%2F", "\u0000", "a\u202Eb", "\uD800",
                        "'; drop table person; --", "<script>alert(1)</script>", "99999999999999999999999",
                        "2026-02-30T25:61:00Z", "Room 204", "ACTIVE", "true", "{}", "[]"));
    }

    private String caller() {
        int pick = random.nextInt(PEOPLE.size() + 2);
        return pick < PEOPLE.size() ? PEOPLE.get(pick) : pick == PEOPLE.size() ? "kiosk" : "nobody";
    }

    private Map<String, String> headers(String caller, Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        if ("kiosk".equals(caller)) {
            headers.put("X-Kiosk-Token", kiosk);
        }
        else if (!"nobody".equals(caller)) {
            headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((caller + "@corridor.test:demo").getBytes(StandardCharsets.UTF_8)));
        }
        int accept = random.nextInt(20);
        headers.put("Accept",
                accept == 0 ? "text/html" : accept == 1 ? "application/xml" : accept == 2 ? "*/*" : call.accept());
        if (random.nextInt(25) == 0) {
            // a header value cannot carry every character: ids, and random ones
            String person = id();
            headers.put("X-Act-As", person.matches("[A-Za-z0-9-]{1,64}") ? person : UUID.randomUUID().toString());
        }
        return headers;
    }

    record Call(String path, String contentType, String body, String accept) {
    }

    private Call build(ApiContract contract, ApiContract.Operation op) {
        String path = op.path();
        for (JsonNode parameter : op.parameters("path")) {
            String name = parameter.path("name").asText();
            int kind = random.nextInt(10);
            String value = kind < 7 ? id() : kind < 8 ? UUID.randomUUID().toString() : string();
            if (value.isEmpty()) {
                value = "x";
            }
            path = path.replace("{" + name + "}", UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
        }
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : op.parameters("query")) {
            if (parameter.path("required").asBoolean() || random.nextInt(10) < 6) {
                Object value = random.nextInt(5) == 0 ? string()
                        : value(contract, parameter.path("schema"), parameter.path("name").asText(), 0);
                for (Object one : value instanceof List<?> list ? list : List.of(String.valueOf(value))) {
                    query.add(URLEncoder.encode(parameter.path("name").asText(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(String.valueOf(one), StandardCharsets.UTF_8));
                }
            }
        }
        if (!query.isEmpty()) {
            path += "?" + String.join("&", query);
        }
        String accept = "application/json";
        JsonNode ok = op.node().path("responses").path("200").path("content");
        if (ok.has("text/event-stream")) {
            accept = "text/event-stream";
        }
        else if (ok.has("text/csv") && random.nextBoolean()) {
            accept = "text/csv";
        }
        JsonNode content = op.node().path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return new Call(path, null, random.nextInt(15) == 0 ? "{}" : null, accept);
        }
        if (content.has("multipart/form-data")) {
            return multipart(path, accept);
        }
        JsonNode media = content.elements().next();
        return new Call(path, random.nextInt(30) == 0 ? "text/plain" : "application/json", body(contract, media),
                accept);
    }

    private String body(ApiContract contract, JsonNode media) {
        int kind = random.nextInt(20);
        try {
            if (kind < 9 && media.has("example")) {
                return json.writeValueAsString(mutate(media.get("example").deepCopy()));
            }
            if (kind < 15) {
                return json.writeValueAsString(value(contract, media.path("schema"), "body", 0));
            }
            return switch (kind) {
                case 15 -> "{}";
                case 16 -> "[]";
                case 17 -> "{\"unfinished\": ";
                case 18 -> json.writeValueAsString(string());
                default -> "null";
            };
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document's example, its ids taken from the pool, and now and then one field
     * wrong.
     */
    private JsonNode mutate(JsonNode example) {
        if (example.isObject()) {
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) example;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (name.endsWith("Id") && object.get(name).isTextual()) {
                    object.put(name, id());
                }
                else if (name.endsWith("Ids") && object.get(name).isArray()) {
                    object.putArray(name).add(id()).add(id());
                }
            }
            if (!names.isEmpty() && random.nextInt(3) == 0) {
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(5)) {
                    case 0 -> object.putNull(name);
                    case 1 -> object.remove(name);
                    case 2 -> object.put(name, numbers.sample());
                    default -> object.put(name, string());
                }
            }
        }
        return example;
    }

    private Call multipart(String path, String accept) {
        String boundary = "fuzz" + Long.toHexString(random.nextLong());
        String file = random.nextBoolean() ? "sourcedId,name\n" + string() + "," + string() + "\n" : string();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"orgs.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
        return new Call(path, "multipart/form-data; boundary=" + boundary, body, accept);
    }

    /** A value for a schema: mostly valid, sometimes not. */
    private Object value(ApiContract contract, JsonNode schema, String name, int depth) {
        schema = contract.resolve(schema);
        if (schema == null || depth > 5) {
            return null;
        }
        if (random.nextInt(25) == 0) {
            return random.nextBoolean() ? string() : numbers.sample();
        }
        if (schema.has("enum")) {
            JsonNode options = schema.get("enum");
            return options.get(random.nextInt(options.size())).asText();
        }
        if (schema.has("oneOf")) {
            JsonNode branches = schema.get("oneOf");
            return value(contract, branches.get(random.nextInt(branches.size())), name, depth + 1);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                Map<String, Object> object = new LinkedHashMap<>();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                schema.path("properties").fields().forEachRemaining(p -> {
                    if (required.contains(p.getKey()) || random.nextInt(10) < 8) {
                        object.put(p.getKey(), value(contract, p.getValue(), p.getKey(), depth + 1));
                    }
                });
                return object;
            }
            case "array": {
                List<Object> items = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(value(contract, schema.path("items"), name, depth + 1));
                }
                return items;
            }
            case "integer":
                return random.nextInt(4) == 0 ? numbers.sample() : random.nextInt(120);
            case "number":
                return random.nextInt(4) == 0 ? numbers.sample() : random.nextDouble() * 100;
            case "boolean":
                return random.nextBoolean();
            default:
                return text(schema, name);
        }
    }

    private String text(JsonNode schema, String name) {
        switch (schema.path("format").asText()) {
            case "date-time":
                return Instant.now().plusSeconds(random.nextInt(14 * 86400) - 7 * 86400L).toString();
            case "date":
                return LocalDate.now().plusDays(random.nextInt(30) - 15).toString();
            default:
                break;
        }
        if (name.endsWith("Id") || name.endsWith("Ids") || name.equals("id")) {
            return random.nextInt(5) == 0 ? string() : id();
        }
        return random.nextInt(3) == 0 ? string() : "Fuzz " + Integer.toHexString(random.nextInt());
    }

    private String id() {
        if (ids.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        int skip = random.nextInt(ids.size());
        return ids.stream().skip(skip).findFirst().orElseThrow();
    }

    private String string() {
        // jqwik's own random source, outside a property: sample() (the seed above
        // decides everything else)
        return strings.sample();
    }

    /** The ids every parameterless GET names, for each kind of person. */
    private void collectIds(ApiContract contract) {
        for (String who : List.of("admin", "rivera", "ava", "auditor")) {
            for (ApiContract.Operation op : contract.operations()) {
                if (op.method().equals("GET") && !op.path().contains("{")
                        && !op.node().path("responses").path("200").path("content").has("text/event-stream")) {
                    collect(send("GET", op.path(), null, null,
                            headers(who, new Call(op.path(), null, null, "application/json"))));
                }
            }
        }
    }

    private void collect(Answer answer) {
        if (answer.status() >= 300 || answer.contentType() == null || !answer.contentType().contains("json")) {
            return;
        }
        try {
            collect(json.readTree(answer.body()), null);
        }
        catch (IOException e) {
            // not JSON: the contract check says so
        }
    }

    private void collect(JsonNode node, String name) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(field.getValue(), field.getKey()));
        }
        else if (node.isArray()) {
            node.forEach(item -> collect(item, name));
        }
        else if (node.isTextual() && name != null && (name.equals("id") || name.endsWith("Id"))
                && node.asText().length() <= 64 && ids.size() < 5000) {
            ids.add(node.asText());
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    private Answer send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            try (InputStream in = response.body()) {
                // a live stream stays open: its status and type are what is checked
                String text = type != null && type.startsWith("text/event-stream") ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), type, text);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Findings grouped by what went wrong (operation, status and kind, the part before
     * the request that showed it), the most frequent first, each with its count and one
     * example request: a long run's thousands of findings read as the handful of faults
     * they are.
     */
    private static List<String> grouped(List<String> lines) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String line : lines) {
            int split = line.indexOf("\n    (");
            String kind = (split < 0 ? line : line.substring(0, split)).replaceAll("\\[\\d+\\]", "[]");
            groups.computeIfAbsent(kind, k -> new ArrayList<>()).add(split < 0 ? "" : line.substring(split));
        }
        return groups.entrySet()
            .stream()
            .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
            .map(g -> g.getValue().size() + " x " + g.getKey() + g.getValue().get(0))
            .toList();
    }

    private static String abbreviate(String text) {
        return ApiContract.abbreviate(text);
    }

}
