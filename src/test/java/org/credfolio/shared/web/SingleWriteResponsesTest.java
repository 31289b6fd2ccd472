package org.credfolio.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.credfolio.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Small answers leave in one piece with their length, as a client reading the raw HTTP sees them.
 * (Answers larger than Tomcat's buffer, such as the CSV and image downloads, are checked whole by
 * their own tests.)
 */
class SingleWriteResponsesTest extends IntegrationTest {

    @Test
    void aSmallJsonAnswerHasAContentLengthAndNoChunks() throws IOException {
        String head = headOf(
                "POST /challenges HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n" + "Connection: close\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("\r\nContent-Length: ");
        assertThat(head.toLowerCase()).doesNotContain("transfer-encoding");

        String body = "{\"query\":\"{ __typename }\"}";
        String graphql = headOf("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(graphql).startsWith("HTTP/1.1 200").containsIgnoringCase("\r\nContent-Length: ");
    }

    private String headOf(String request) throws IOException {
        String answer = rawAnswer(request);
        return answer.substring(0, answer.indexOf("\r\n\r\n") + 2);
    }

    private String rawAnswer(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
