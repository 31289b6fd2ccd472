package org.credfolio.shared.graphql;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /graphql} with a body that is no GraphQL request ({@code null}, an array, an object
 * without a query) is the caller's mistake: a 400 with a GraphQL error coded {@code INVALID_REQUEST},
 * not the 500 Spring for GraphQL answers when the JSON reads as null, nor an error page.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttpRequests {
    static final String INVALID_REQUEST = "INVALID_REQUEST";

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper json) {
        return new Handler(handler, new RequestChecking(new JacksonJsonHttpMessageConverter(json)));
    }

    static final class Handler extends GraphQlHttpHandler {
        Handler(WebGraphQlHandler handler, HttpMessageConverter<?> converter) {
            super(handler, converter);
        }

        @Override
        public ServerResponse handleRequest(ServerRequest request) throws ServletException {
            try {
                return super.handleRequest(request);
            } catch (HttpMessageNotReadableException unreadable) {
                return ServerResponse.status(HttpStatus.BAD_REQUEST)
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .body(Map.of(
                                "errors",
                                List.of(Map.of(
                                        "message",
                                        "The body must be a JSON object with a \"query\" string (and optionally"
                                                + " \"variables\" and \"operationName\"), as GraphQL over HTTP"
                                                + " describes.",
                                        "extensions",
                                        Map.of("classification", "BAD_REQUEST", "code", INVALID_REQUEST)))));
            }
        }
    }

    /** Reads and writes as the JSON converter does, and refuses a request body without a query. */
    static final class RequestChecking implements HttpMessageConverter<Object> {
        private final JacksonJsonHttpMessageConverter json;

        RequestChecking(JacksonJsonHttpMessageConverter json) {
            this.json = json;
        }

        @Override
        public boolean canRead(Class<?> type, MediaType mediaType) {
            return json.canRead(type, mediaType);
        }

        @Override
        public boolean canWrite(Class<?> type, MediaType mediaType) {
            return json.canWrite(type, mediaType);
        }

        @Override
        public List<MediaType> getSupportedMediaTypes() {
            return json.getSupportedMediaTypes();
        }

        @Override
        public List<MediaType> getSupportedMediaTypes(Class<?> type) {
            return json.getSupportedMediaTypes(type);
        }

        @Override
        public Object read(Class<?> type, HttpInputMessage input) throws IOException {
            Object body = json.read(type, input);
            if (!(body instanceof GraphQlRequest request) || !hasDocument(request)) {
                throw new HttpMessageNotReadableException("No GraphQL request", input);
            }
            return body;
        }

        private static boolean hasDocument(GraphQlRequest request) {
            try {
                return request.getDocument() != null && !request.getDocument().isBlank();
            } catch (RuntimeException missing) {
                // Spring for GraphQL's request throws on a body with neither query nor extensions ({}).
                return false;
            }
        }

        @Override
        public void write(Object value, MediaType contentType, HttpOutputMessage output) throws IOException {
            json.write(value, contentType, output);
        }
    }
}
