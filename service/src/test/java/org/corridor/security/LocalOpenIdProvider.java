package org.corridor.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID provider on a local port, for tests that sign in the real way:
 * discovery, an authorize endpoint that sends the browser back with a code, a token
 * endpoint that checks the client's secret and the code and answers an id token signed
 * with its own RSA key, and that key at the JWKS endpoint. Endpoints are matched by the
 * end of their path, so Microsoft's paths ({tenant}/oauth2/v2.0/authorize,
 * {tenant}/discovery/v2.0/keys) work under the same server.
 * <p>
 * Who signs in is chosen by the test before it starts the dance ({@link #signsInAs}): the
 * claims of the next id token, with {@code iss}, {@code sub}, {@code aud}, {@code nonce},
 * {@code iat} and {@code exp} filled in unless the test gives them.
 */
public final class LocalOpenIdProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private final RSAKey key;

    private final Map<String, String> clientSecrets;

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    private volatile Map<String, Object> nextClaims = Map.of();

    private record Grant(String clientId, String redirectUri, String nonce, Map<String, Object> claims) {
    }

    private LocalOpenIdProvider(Map<String, String> clientSecrets) throws IOException, JOSEException {
        this.clientSecrets = Map.copyOf(clientSecrets);
        this.key = new RSAKeyGenerator(2048).keyID("local-" + UUID.randomUUID()).generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a provider that knows these clients (id to secret). */
    public static LocalOpenIdProvider start(Map<String, String> clientSecrets) {
        try {
            return new LocalOpenIdProvider(clientSecrets);
        }
        catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot start the local OpenID provider", e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The claims of the next id token this provider issues. */
    public void signsInAs(Map<String, Object> claims) {
        this.nextClaims = Map.copyOf(claims);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/.well-known/openid-configuration")) {
                json(exchange, 200, discovery());
            }
            else if (path.endsWith("/authorize")) {
                authorize(exchange);
            }
            else if (path.endsWith("/token")) {
                token(exchange);
            }
            else if (path.endsWith("/jwks") || path.endsWith("/keys")) {
                json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
            }
            else {
                json(exchange, 404, Map.of("error", "not_found"));
            }
        }
        catch (JOSEException e) {
            throw new IOException("cannot sign the id token", e);
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "profile", "email"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        return document;
    }

    /**
     * The person "signs in" at once: straight back to the client with a code for the
     * chosen claims.
     */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String clientId = query.get("client_id");
        String redirectUri = query.get("redirect_uri");
        if (!clientSecrets.containsKey(clientId) || redirectUri == null || !"code".equals(query.get("response_type"))) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(clientId, redirectUri, query.get("nonce"), nextClaims));
        String back = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException, JOSEException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String client = basicClient(exchange.getRequestHeaders().getFirst("Authorization"));
        Grant grant = codes.remove(String.valueOf(body.get("code")));
        if (client == null) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        if (grant == null || !grant.clientId().equals(client) || !grant.redirectUri().equals(body.get("redirect_uri"))
                || !"authorization_code".equals(body.get("grant_type"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", UUID.randomUUID().toString());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 300);
        answer.put("scope", "openid profile email");
        answer.put("id_token", idToken(grant));
        json(exchange, 200, answer);
    }

    private String idToken(Grant grant) throws JOSEException {
        Instant now = Instant.now();
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", "subject-" + UUID.randomUUID());
        claims.put("aud", grant.clientId());
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plusSeconds(300)));
        if (grant.nonce() != null) {
            claims.put("nonce", grant.nonce());
        }
        claims.putAll(grant.claims());
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
        claims.forEach(set::claim);
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                set.build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    /**
     * The client id of an {@code Authorization: Basic} header that carries that client's
     * secret, else null.
     */
    private String basicClient(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String[] idAndSecret = new String(Base64.getDecoder().decode(authorization.substring(6)),
                StandardCharsets.UTF_8)
            .split(":", 2);
        String id = URLDecoder.decode(idAndSecret[0], StandardCharsets.UTF_8);
        String secret = idAndSecret.length == 2 ? URLDecoder.decode(idAndSecret[1], StandardCharsets.UTF_8) : null;
        return secret != null && secret.equals(clientSecrets.get(id)) ? id : null;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

}
