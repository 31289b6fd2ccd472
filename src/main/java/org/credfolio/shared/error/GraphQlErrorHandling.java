package org.credfolio.shared.error;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where exceptions become GraphQL errors. Every error carries a classification and a
 * stable {@code code}; nothing internal (stack traces, class names, driver messages) reaches the
 * caller: unexpected failures are logged with an id and answered with that id only.
 */
@ControllerAdvice
class GraphQlErrorHandling {
    static final ErrorClassification CONFLICT = ErrorClassification.errorClassification("CONFLICT");
    private static final Logger log = LoggerFactory.getLogger(GraphQlErrorHandling.class);

    @GraphQlExceptionHandler
    GraphQLError refusal(CredfolioException ex, DataFetchingEnvironment env) {
        ErrorClassification type = ex instanceof NotFoundException
                ? ErrorType.NOT_FOUND
                : ex instanceof ConflictException ? CONFLICT : ErrorType.BAD_REQUEST;
        return error(env, type, ex.getMessage(), ex.code(), ex.field());
    }

    @GraphQlExceptionHandler
    List<GraphQLError> invalidInput(ConstraintViolationException ex, DataFetchingEnvironment env) {
        return ex.getConstraintViolations().stream()
                .map(v -> error(
                        env,
                        ErrorType.BAD_REQUEST,
                        ErrorCodes.field(v) + ": " + v.getMessage(),
                        ErrorCodes.of(v),
                        ErrorCodes.field(v)))
                .toList();
    }

    @GraphQlExceptionHandler
    GraphQLError denied(AccessDeniedException ex, DataFetchingEnvironment env) {
        if (isAnonymous()) {
            return error(
                    env,
                    ErrorType.UNAUTHORIZED,
                    "Sign in first: this needs an access token (POST /auth/token).",
                    "AUTHENTICATION_REQUIRED",
                    null);
        }
        String reason = ex.getMessage() == null || ex.getMessage().equals("Access Denied")
                ? "Your role does not allow this."
                : ex.getMessage();
        return error(env, ErrorType.FORBIDDEN, reason, "ACCESS_DENIED", null);
    }

    @GraphQlExceptionHandler
    GraphQLError unauthenticated(AuthenticationException ex, DataFetchingEnvironment env) {
        return error(env, ErrorType.UNAUTHORIZED, "Sign in first.", "AUTHENTICATION_REQUIRED", null);
    }

    /**
     * A paged field fails this way when its {@code after} cursor cannot be decoded or belongs to
     * another query: that is the caller's input, not our fault.
     */
    @GraphQlExceptionHandler({IllegalArgumentException.class, IllegalStateException.class})
    GraphQLError badCursorOrUnexpected(RuntimeException ex, DataFetchingEnvironment env) {
        if (env.getArgument("after") != null) {
            return error(
                    env,
                    ErrorType.BAD_REQUEST,
                    "The 'after' cursor is not one this list gave out; use pageInfo.endCursor of the previous page.",
                    "INVALID_CURSOR",
                    "after");
        }
        return unexpected(ex, env);
    }

    @GraphQlExceptionHandler
    GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
        String incident = Long.toHexString(System.nanoTime());
        log.error(
                "Unexpected failure {} at {}",
                incident,
                env.getExecutionStepInfo().getPath(),
                ex);
        return error(
                env,
                ErrorType.INTERNAL_ERROR,
                "Something went wrong on our side (incident " + incident + "). Nothing was changed"
                        + " unless the response says so.",
                "INTERNAL_ERROR",
                null);
    }

    private static boolean isAnonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }

    static GraphQLError error(
            DataFetchingEnvironment env, ErrorClassification type, String message, String code, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", type == CONFLICT ? "CONFLICT" : type.toString());
        extensions.put("code", code);
        if (field != null) {
            extensions.put("field", field);
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .extensions(extensions)
                .build();
    }
}
