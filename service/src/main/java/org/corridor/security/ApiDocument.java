package org.corridor.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes the OpenAPI document (springdoc, {@code /v3/api-docs}) say what the endpoints
 * really do: the {@link Caller} and CSRF token a controller is handed are not parameters
 * of the request; every refusal is a problem ({@code application/problem+json}, schema
 * {@code Problem}): 400 where the request carries parameters or a body, 401 and 403 where
 * a caller is needed, 404 where the path names something, and any other 4xx (405, 406,
 * 409, 413, 415, 429) under {@code 4XX}; each JSON request body has an example; the ways
 * to sign in are security schemes. ApiDocumentTest holds the document against the running
 * endpoints, the fuzz test every answer against the document.
 */
@Configuration
class ApiDocument {

    static final String PROBLEM = "Problem";

    static final String PROBLEM_TYPE = "application/problem+json";

    /**
     * Properties of answers that can be null, as {@code Schema.property}: marked
     * {@code nullable} in the document. Kept here rather than on each record so the list
     * can be read in one place; ApiDocumentTest fails for an entry the document does not
     * have, and the fuzz test for a null that is not listed.
     */
    static final Set<String> NULLABLE = Set.of("Retention.View.lastPurge", "Retention.LastPurge.finishedAt",
            "Emergencies.Status.current", "Emergencies.Status.timeZone", "ClassesView.StudentView.badge",
            "NoContactPairs.PairView.note", "NoContactPairs.PairView.from", "NoContactPairs.PairView.until",
            "NoContactPairs.PairView.createdAt", "NotificationView.passId", "NotificationView.deliveredAt",
            "NotificationView.seenAt", "PassView.routedTo", "PassView.deliveredAt", "PassView.seenAt",
            "PassView.approvedAt", "PassView.startedAt", "PassView.endedAt", "PassView.note", "PassView.denyReason",
            "PassView.startsAt", "PassView.reannouncedAt", "PassView.escalatedAt", "PassView.longRunningAt",
            "PassView.autoPassRefused", "PassView.endReason", "PassView.decidedBy", "PassView.departingFrom",
            "RuleSetController.Summary.note", "RuleSetController.Summary.activatedAt", "RuleSetController.Detail.note",
            "RuleSetController.Detail.activatedAt", "RuleSets.Listed.note", "RuleSets.Listed.activatedAt",
            "RuleSets.Listed.authorName", "RoutingAnswer.RecentRequest.deliveredAt",
            "RoutingAnswer.RecentRequest.seenAt", "RoutingAnswer.RecentRequest.endedAt",
            "RoutingAnswer.RecentRequest.endReason", "RoutingAnswer.RecentRequest.routedTo",
            "Kiosks.KioskView.lastUsedAt", "Kiosks.KioskView.revokedAt", "Kiosks.KioskView.lastHeartbeatAt",
            "Kiosks.KioskView.offlineSince", "Kiosks.KioskView.pairingCodeExpiresAt",
            "RosterImports.Recorded.onerosterVersion", "RosterImports.Recorded.mode",
            "Destinations.DestinationView.capacity", "Destinations.DestinationView.teacher",
            "RuleSetController.Validation.version", "NoContactPairs.StudentRef.studentNumber",
            "NoContactPairs.ChangeView.from", "NoContactPairs.ChangeView.until", "Accommodations.View.note",
            "LocationView.staffedBy", "LocationView.occupancy", "SectionEditor.SectionView.sourceId",
            "PushDevices.Device.lastSuccessAt", "ChannelRecords.Attempt.detail", "RoutingAnswer.Delivery.recipient",
            "RoutingAnswer.Delivery.screenAt", "RoutingAnswer.Delivery.seenAt", "PassHistory.Delivery.recipient",
            "PassHistory.Delivery.screenAt", "PassHistory.Delivery.seenAt");

    /**
     * Schema names: a nested record is named with its enclosing class
     * ({@code PassView.Ref}, {@code MyAccount.Ref}), since several features have records
     * of the same simple name (springdoc would give both one schema, the first it met).
     */
    @Bean
    ModelResolver corridorSchemaNames() {
        return new ModelResolver(Json.mapper(), new TypeNameResolver() {
            @Override
            protected String nameForClass(Class<?> type, Set<Options> options) {
                String name = super.nameForClass(type, options);
                Class<?> outer = type.getEnclosingClass();
                return outer == null || !type.getName().startsWith("org.corridor.") ? name
                        : nameForClass(outer, options) + "." + name;
            }
        });
    }

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, CsrfToken.class);
    }

    @Bean
    OpenApiCustomizer corridorDocument() {
        return openApi -> {
            openApi.info(new Info().title("Corridor")
                .version("1")
                .description("Hall passes. Every refusal is an RFC 9457 problem (docs/api.md)."));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components);
            components.addSchemas(PROBLEM, problemSchema());
            components.addSchemas("FieldError",
                    new ObjectSchema().addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())
                        .required(List.of("field", "message")));
            components.addSchemas("FileError", new ObjectSchema()
                .description("One problem a file import found: in which file, at which row (the header is row 1; "
                        + "absent for the file as a whole) and column (absent for the whole row), and why.")
                .addProperty("file", new StringSchema())
                .addProperty("row", new IntegerSchema())
                .addProperty("column", new StringSchema())
                .addProperty("reason", new StringSchema())
                .required(List.of("file", "reason")));
            components.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE)
                .name("JSESSIONID")
                .description("A browser signed in by the sign-in page (identity provider, or the demo's "
                        + "password form); changes also need X-XSRF-TOKEN, copied from the XSRF-TOKEN cookie."));
            components.addSecuritySchemes("basic",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("The demo only: an account's email and the password demo."));
            components.addSecuritySchemes("kiosk",
                    new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(KioskSignedIn.HEADER)
                        .description("A kiosk's token."));
            openApi.security(List.of(new SecurityRequirement().addList("session"),
                    new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("kiosk")));
            if (components.getSchemas() != null) {
                components.getSchemas().values().forEach(schema -> flatten(schema, components));
                NULLABLE.forEach(entry -> {
                    int dot = entry.lastIndexOf('.');
                    String[] parts = { entry.substring(0, dot), entry.substring(dot + 1) };
                    Schema<?> schema = components.getSchemas().get(parts[0]);
                    Schema<?> property = schema == null || schema.getProperties() == null ? null
                            : schema.getProperties().get(parts[1]);
                    if (property != null && property.get$ref() != null) {
                        // OpenAPI 3.0 ignores what stands beside a $ref
                        schema.getProperties()
                            .put(parts[1], new Schema<>().allOf(List.of(new Schema<>().$ref(property.get$ref())))
                                .nullable(true));
                    }
                    else if (property != null) {
                        property.setNullable(true);
                    }
                });
            }
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                        operation.getRequestBody()
                            .getContent()
                            .forEach((type, media) -> exampleOf(type, media, components));
                    }
                }));
            }
        };
    }

    /**
     * The problems each operation can answer, from what its controller method takes.
     */
    @Bean
    OperationCustomizer corridorProblems() {
        return (operation, handler) -> {
            boolean caller = takes(handler, Caller.class);
            boolean input = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                        || p.hasParameterAnnotation(RequestParam.class) || p.hasParameterAnnotation(PathVariable.class)
                        || p.hasParameterAnnotation(RequestPart.class));
            boolean names = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (input) {
                problem(responses, "400", "Invalid input (invalid-input, with errors naming each field) or an "
                        + "unreadable body (unreadable-body).");
            }
            if (caller) {
                problem(responses, "401",
                        "No or wrong credentials (unauthenticated), an unknown kiosk token " + "(kiosk-token).");
                problem(responses, "403", "The caller's role may not do this (forbidden).");
            }
            else {
                operation.setSecurity(List.of());
            }
            if (names) {
                problem(responses, "404",
                        "Nothing with this id in the caller's district, or nothing the caller may see (not-found).");
            }
            problem(responses, "4XX", "Any other refusal: a conflict with the current state (409), a method the "
                    + "address does not answer (405), a type it cannot give or take (406, 415), a body too large "
                    + "(413), too many attempts (429).");
            return operation;
        };
    }

    private static boolean takes(HandlerMethod handler, Class<?> type) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == type);
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status,
                new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_TYPE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Schema problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem. Some types carry more properties (the open pass, the new flags).");
        problem.addProperty("type", new StringSchema().format("uri")
            .description("https://corridor.org/problems/<type>, listed in docs/api.md"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().nullable(true));
        problem.addProperty("instance", new StringSchema().nullable(true));
        problem.addProperty("errors",
                new ArraySchema().description(
                        "invalid-input: one FieldError a field; a refused file import (422): one FileError a problem")
                    .items(new Schema<>().anyOf(List.of(new Schema<>().$ref("#/components/schemas/FieldError"),
                            new Schema<>().$ref("#/components/schemas/FileError")))));
        problem.required(List.of("type", "title", "status"));
        problem.additionalProperties(true);
        return problem;
    }

    /**
     * A record that implements a sealed interface (MyAccount.Me, a WhoAmI) is written by
     * springdoc as {@code allOf} of the interface's schema, which declares no properties,
     * and its own: a strict reader (additionalProperties absent means none) would find no
     * property allowed. Its own properties are put on the schema itself and the empty
     * parent left out, so each branch of a {@code oneOf} reads as the object it is.
     */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static void flatten(Schema<?> schema, Components components) {
        if (schema.getAllOf() == null) {
            return;
        }
        List<Schema> own = new ArrayList<>();
        for (Schema part : schema.getAllOf()) {
            Schema<?> parent = part.get$ref() == null ? null
                    : components.getSchemas().get(part.get$ref().substring(part.get$ref().lastIndexOf('/') + 1));
            if (parent != null && (parent.getProperties() == null || parent.getProperties().isEmpty())
                    && parent.getAllOf() == null && parent.getOneOf() == null) {
                continue;
            }
            if (part.get$ref() != null || part.getAllOf() != null || part.getOneOf() != null
                    || part.getAnyOf() != null) {
                return; // a real composition: left as springdoc wrote it
            }
            own.add(part);
        }
        schema.setAllOf(null);
        for (Schema part : own) {
            if (part.getProperties() != null) {
                ((Map<String, Schema>) part.getProperties()).forEach(schema::addProperty);
            }
            if (part.getRequired() != null) {
                ((List<String>) part.getRequired()).forEach(schema::addRequiredItem);
            }
        }
        schema.setType("object");
    }

    /** An example for a JSON body that has none, made from its schema. */
    private static void exampleOf(String type, MediaType media, Components components) {
        if (!type.contains("json") || media.getSchema() == null || media.getExample() != null
                || media.getExamples() != null) {
            return;
        }
        Object example = RequestExamples.of(media.getSchema(), components, 0);
        if (example != null) {
            media.setExample(example);
        }
    }

}
