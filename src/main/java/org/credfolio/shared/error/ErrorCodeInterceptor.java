package org.credfolio.shared.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives a stable {@code code} to the errors graphql-java raises itself before any of our code runs
 * (syntax, validation, aborted execution), so that every error a client sees carries one. A
 * variable whose value does not fit its type is {@code INVALID_VALUE} (or {@code REQUIRED}) with the
 * {@code field} at fault and a message in plain words: graphql-java's own names Java classes.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {
    private static final Logger log = LoggerFactory.getLogger(ErrorCodeInterceptor.class);
    private static final Pattern VARIABLE_ERROR = Pattern.compile("^Variable '([_A-Za-z][_0-9A-Za-z]*)' ");
    /** graphql-java's refusal of a literal argument: "argument 'input.earnedOn' with value 'StringValue{…}' is not a valid 'Date' - must be …". */
    private static final Pattern LITERAL_ERROR = Pattern.compile(
            "argument '([_A-Za-z][_0-9A-Za-z.\\[\\]]*)' with value .* is not a valid '(\\w+)'(?: - (.*))?$");
    /** What graphql-java's messages may name that a client must not see: Java types. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "java\\.|LinkedHashMap|HashMap|ArrayList|Integer'|Long'|Double'|BigDecimal'|BigInteger'|Exception");

    private static final Map<String, String> BY_CLASSIFICATION = Map.of(
            "InvalidSyntax", "INVALID_SYNTAX",
            "ValidationError", "INVALID_QUERY",
            "OperationNotSupported", "OPERATION_NOT_SUPPORTED",
            "ExecutionAborted", "EXECUTION_ABORTED",
            "DataFetchingException", "INTERNAL_ERROR");

    private final ObjectProvider<GraphQlSource> graphQlSource;

    ErrorCodeInterceptor(ObjectProvider<GraphQlSource> graphQlSource) {
        this.graphQlSource = graphQlSource;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request)
                .map(response -> response.getErrors().stream().allMatch(ErrorCodeInterceptor::isFinal)
                        ? response
                        : response.transform(builder -> builder.errors(withCodes(request, response.getErrors()))));
    }

    /** Coded already, and not a refused value, which is reworded (its scalar may have coded it). */
    private static boolean isFinal(ResponseError error) {
        return hasCode(error) && !isVariableError(error);
    }

    private static boolean isVariableError(ResponseError error) {
        return "ValidationError".equals(String.valueOf(error.getErrorType()))
                && error.getMessage() != null
                && (VARIABLE_ERROR.matcher(error.getMessage()).find()
                        || LITERAL_ERROR.matcher(error.getMessage()).find());
    }

    private static boolean hasCode(ResponseError error) {
        return error.getExtensions().containsKey("code");
    }

    private List<GraphQLError> withCodes(WebGraphQlRequest request, List<ResponseError> errors) {
        return errors.stream().map(error -> withCode(request, error)).toList();
    }

    private GraphQLError withCode(WebGraphQlRequest request, ResponseError error) {
        if (isFinal(error)) {
            return asGraphQlError(error, error.getMessage(), error.getExtensions());
        }
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        String classification = String.valueOf(error.getErrorType());
        String message = error.getMessage();
        Matcher variable = VARIABLE_ERROR.matcher(message == null ? "" : message);
        if (isVariableError(error) && variable.find()) {
            VariableFaults.Fault fault = fault(request, variable.group(1));
            extensions.put("classification", "BAD_REQUEST");
            if (fault != null) {
                extensions.put("code", fault.code());
                extensions.put("field", fault.field());
                message = fault.message();
            } else {
                extensions.putIfAbsent("code", "INVALID_VALUE");
                extensions.put("field", variable.group(1));
                message = "The value of $" + variable.group(1) + " does not fit its type.";
            }
        }
        Matcher literal = LITERAL_ERROR.matcher(message == null ? "" : message);
        if ("ValidationError".equals(classification) && literal.find()) {
            String detail = literal.group(3);
            extensions.put("classification", "BAD_REQUEST");
            extensions.put(
                    "code",
                    detail != null && detail.startsWith("must be a date between")
                            ? "DATE_OUT_OF_RANGE"
                            : "INVALID_VALUE");
            extensions.put("field", literal.group(1));
            message = literal.group(1) + " "
                    + (detail != null && detail.startsWith("must ") ? detail : "must be a valid " + literal.group(2));
        }
        extensions.putIfAbsent("classification", classification);
        extensions.putIfAbsent(
                "code", BY_CLASSIFICATION.getOrDefault(classification, classification.toUpperCase(Locale.ROOT)));
        if (message == null || JAVA_NAMES.matcher(message).find()) {
            // Never a class name: the code says what kind of failure it was.
            message = "The request was refused (" + extensions.get("code") + ").";
        }
        return asGraphQlError(error, message, extensions);
    }

    private VariableFaults.Fault fault(WebGraphQlRequest request, String variable) {
        GraphQlSource source = graphQlSource.getIfAvailable();
        if (source == null) {
            return null;
        }
        try {
            return VariableFaults.find(source.schema(), request.getDocument(), variable, request.getVariables());
        } catch (RuntimeException e) {
            // Only the wording suffers: the request was refused already.
            log.debug("Could not locate the fault in variable {}", variable, e);
            return null;
        }
    }

    private static GraphQLError asGraphQlError(ResponseError error, String message, Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getParsedPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }
}
