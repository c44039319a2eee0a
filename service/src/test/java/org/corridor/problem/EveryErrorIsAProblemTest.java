package org.corridor.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.testing.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests an HTTP client library would normalise or refuse to send, written to a socket
 * as an attacker or a fuzzer sends them: each is answered 4xx with a problem body, by the
 * security firewall, by Spring, or by Tomcat itself.
 */
class EveryErrorIsAProblemTest extends ApiTest {

    private static final String AVA = "Basic "
            + Base64.getEncoder().encodeToString("ava@corridor.test:demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Test
    void anEncodedPercentSignIsRefusedByTheFirewall() throws IOException {
        assertProblem(send("GET", "/api/passes/%C3%B0%25"), 400, "rejected-request");
    }

    @Test
    void aPathParameterIsRefusedByTheFirewall() throws IOException {
        assertProblem(send("GET", "/api/passes;x=1"), 400, "rejected-request");
    }

    @Test
    void aDoubleSlashIsRefusedByTheFirewall() throws IOException {
        assertProblem(send("GET", "//api/passes"), 400, "rejected-request");
    }

    @Test
    void anEncodedSlashThatTomcatRefusesIsAProblemToo() throws IOException {
        assertProblem(send("GET", "/api/passes/a%2Fb"), 400, "rejected-request");
    }

    @Test
    void aCharacterTomcatRefusesInTheRequestLineIsAProblemToo() throws IOException {
        assertProblem(send("GET", "/api/passes/{x}"), 400, "rejected-request");
    }

    @Test
    void traceIsNotAllowed() throws IOException {
        assertProblem(send("TRACE", "/api/passes"), 405, "method-not-allowed");
    }

    @Test
    void anUnknownMethodIsNotAllowedAndTheAnswerSaysWhichAre() throws IOException {
        Answer answer = send("BREW", "/api/passes");
        assertProblem(answer, 405, "method-not-allowed");
        assertThat(answer.head()).containsIgnoringCase("Allow: GET, HEAD, POST");
    }

    @Test
    void aKnownMethodAnAddressDoesNotAnswerIsNotAllowed() throws IOException {
        Answer answer = send("DELETE", "/api/me");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theErrorPageCalledDirectlyIsNotFoundNotAServerError() throws IOException {
        assertProblem(send("GET", "/error"), 404, "not-found");
    }

    @Test
    void aMissingAddressIsNotFound() throws IOException {
        assertProblem(send("GET", "/api/no-such-thing"), 404, null);
    }

    private void assertProblem(Answer answer, int status, String type) throws IOException {
        assertThat(answer.status()).as(answer.head()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        if (type != null) {
            assertThat(problem.path("type").asText()).isEqualTo("https://corridor.org/problems/" + type);
        }
    }

    /**
     * The request line exactly as given, signed in as Ava, on a connection of its own.
     */
    private Answer send(String method, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Authorization: " + AVA + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split);
            String body = raw.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(head, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            // sizes count bytes; the problem bodies are ASCII
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private record Answer(String head, String body) {

        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        String contentType() {
            return head.lines()
                .filter(line -> line.toLowerCase().startsWith("content-type:"))
                .map(line -> line.substring("content-type:".length()).trim())
                .findFirst()
                .orElse("");
        }

    }

}
