package org.credfolio.shared.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives a stable {@code code} to the errors graphql-java raises itself before any of our code runs
 * (syntax, validation, aborted execution), so that every error a client sees carries one.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {
    private static final Map<String, String> BY_CLASSIFICATION = Map.of(
            "InvalidSyntax", "INVALID_SYNTAX",
            "ValidationError", "INVALID_QUERY",
            "OperationNotSupported", "OPERATION_NOT_SUPPORTED",
            "ExecutionAborted", "EXECUTION_ABORTED",
            "DataFetchingException", "INTERNAL_ERROR");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request)
                .map(response -> response.getErrors().stream().allMatch(ErrorCodeInterceptor::hasCode)
                        ? response
                        : response.transform(builder -> builder.errors(withCodes(response.getErrors()))));
    }

    private static boolean hasCode(ResponseError error) {
        return error.getExtensions().containsKey("code");
    }

    private static List<GraphQLError> withCodes(List<ResponseError> errors) {
        return errors.stream().map(ErrorCodeInterceptor::withCode).toList();
    }

    private static GraphQLError withCode(ResponseError error) {
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        String classification = String.valueOf(error.getErrorType());
        extensions.putIfAbsent("classification", classification);
        extensions.putIfAbsent(
                "code", BY_CLASSIFICATION.getOrDefault(classification, classification.toUpperCase(Locale.ROOT)));
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getParsedPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }
}
