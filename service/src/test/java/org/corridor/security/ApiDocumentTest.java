package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * The OpenAPI document is held against the running service: every documented operation is
 * an endpoint and every endpoint under /api is documented; no internal argument shows as
 * a parameter; every operation documents its refusals as problems; and what every GET
 * answers the demo school's people validates against the document ({@link ApiContract}).
 */
@OnMariaDb
class ApiDocumentTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private ApiContract contract;

    @BeforeEach
    void document() throws IOException {
        ResponseEntity<JsonNode> document = get(null, "/v3/api-docs");
        assertThat(document.getStatusCode().value()).isEqualTo(200);
        contract = new ApiContract(document.getBody());
        // for a reader of a failure: the document as it was
        Files.writeString(Path.of("target", "api-docs.json"), document.getBody().toPrettyString());
    }

    @Test
    void everyRecordComponentMarkedNullableIsNullableInTheDocument() {
        JsonNode schemas = contract.document().path("components").path("schemas");
        List<String> marked = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.corridor")) {
            Class<?> record = type.reflect();
            if (!record.isRecord()) {
                continue;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                if (markedNullable(record, component)) {
                    marked.add(schemaName(record) + "." + component.getName());
                }
            }
        }

        assertThat(marked).as("components marked @Schema(nullable = true)").hasSizeGreaterThan(40);
        assertThat(marked).allSatisfy(entry -> {
            int dot = entry.lastIndexOf('.');
            JsonNode property = schemas.path(entry.substring(0, dot)).path("properties").path(entry.substring(dot + 1));
            assertThat(property.path("nullable").asBoolean()).as(entry).isTrue();
        });
    }

    /**
     * The mark is put on the component's field: the annotation does not target
     * components.
     */
    private static boolean markedNullable(Class<?> record, RecordComponent component) {
        try {
            Schema mark = record.getDeclaredField(component.getName()).getAnnotation(Schema.class);
            return mark != null && mark.nullable();
        }
        catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** As ApiDocument names it: a nested record with its enclosing class. */
    private static String schemaName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : schemaName(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    @Test
    void everyDocumentedOperationIsAnEndpointAndEveryEndpointIsDocumented() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.corridor")) {
                return;
            }
            for (String path : paths(info)) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    mapped.add(method + " " + path);
                }
            }
        });
        Set<String> documented = new TreeSet<>();
        contract.operations().forEach(op -> documented.add(op.method() + " " + op.path()));

        assertThat(documented).isEqualTo(mapped);
    }

    @Test
    void noOperationTakesAnInternalArgument() {
        List<String> internal = new ArrayList<>();
        for (ApiContract.Operation op : contract.operations()) {
            op.node().path("parameters").forEach(p -> {
                String name = p.path("name").asText();
                if (List.of("caller", "csrf", "request", "response", "principal").contains(name)) {
                    internal.add(op.method() + " " + op.path() + " " + name);
                }
            });
        }

        assertThat(internal).isEmpty();
    }

    @Test
    void everyOperationDocumentsItsRefusalsAsProblems() {
        List<String> missing = new ArrayList<>();
        for (ApiContract.Operation op : contract.operations()) {
            JsonNode responses = op.node().path("responses");
            List<String> expected = new ArrayList<>(List.of("4XX"));
            // the two operations anyone may call: how to sign in, and a kiosk pairing
            // with its code
            if (!List.of("/api/sign-in-options", "/api/kiosk/pair").contains(op.path())) {
                expected.addAll(List.of("401", "403"));
            }
            if (op.path().contains("{")) {
                expected.add("404");
            }
            for (String status : expected) {
                JsonNode schema = responses.path(status)
                    .path("content")
                    .path("application/problem+json")
                    .path("schema");
                if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                    missing.add(op.method() + " " + op.path() + " " + status);
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void everyJsonRequestBodyHasAnExample() {
        List<String> without = new ArrayList<>();
        for (ApiContract.Operation op : contract.operations()) {
            op.node().path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (media.getKey().contains("json") && !media.getValue().has("example")) {
                    without.add(op.method() + " " + op.path());
                }
            });
        }

        assertThat(without).isEmpty();
    }

    @Test
    void whatEveryGetAnswersTheDemoSchoolsPeopleIsWhatTheDocumentSays() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String who : List.of("ava", "rivera", "admin", "auditor")) {
            for (ApiContract.Operation op : contract.operations()) {
                if (!op.method().equals("GET") || op.path().contains("{")
                        || op.node().path("responses").path("200").path("content").has("text/event-stream")) {
                    continue;
                }
                ResponseEntity<String> answer = http.withBasicAuth(who + "@corridor.test", "demo")
                    .exchange(op.path(), HttpMethod.GET, null, String.class);
                String type = answer.getHeaders().getContentType() == null ? null
                        : answer.getHeaders().getContentType().toString();
                wrong.addAll(contract.check(op, answer.getStatusCode().value(), type, answer.getBody())
                    .stream()
                    .map(line -> who + ": " + line)
                    .toList());
                checked++;
            }
        }

        assertThat(checked).isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    @Test
    void meIsExactlyOneBranchOfItsOneOfForAPersonAndForAKiosk() {
        ApiContract.Operation me = contract.operation("GET", "/api/me").orElseThrow();
        String token = kioskToken("Room 204");

        for (ResponseEntity<JsonNode> answer : List.of(get("rivera", "/api/me"),
                asKiosk(token, HttpMethod.GET, "/api/me", null))) {
            assertThat(
                    contract.check(me, answer.getStatusCode().value(), "application/json", answer.getBody().toString()))
                .isEmpty();
        }
    }

    private static Set<String> paths(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternsCondition().getPatterns();
    }

}
