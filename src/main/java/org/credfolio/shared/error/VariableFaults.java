package org.credfolio.shared.error;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.TypeFromAST;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds which part of a variable's value graphql-java refused, and says why in plain words.
 * graphql-java reports only the variable ("Variable 'i' has an invalid value: Expected a 'String'
 * or 'java.time.temporal.TemporalAccessor' but was 'LinkedHashMap'"): no field a client can point
 * at, and Java class names. This walks the value against the schema's input types instead, and
 * names the field as the argument path ({@code input.earnedOn}), like bean-validation errors do.
 * It runs only for requests that failed already, so its cost is no concern.
 */
final class VariableFaults {
    /** A refused part of a variable's value: its path and what it must be. */
    record Fault(String field, String problem, String code) {
        Fault(String field, String problem) {
            this(field, problem, "INVALID_VALUE");
        }

        String message() {
            return field + " " + problem;
        }
    }

    private VariableFaults() {}

    /** The fault in the named variable's value, or null when none is found (then say less). */
    static Fault find(GraphQLSchema schema, String document, String variable, Map<String, Object> variables) {
        Document parsed = Parser.parse(document);
        VariableDefinition definition = parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                .flatMap(operation -> operation.getVariableDefinitions().stream())
                .filter(v -> v.getName().equals(variable))
                .findFirst()
                .orElse(null);
        if (definition == null) {
            return null;
        }
        GraphQLType type = TypeFromAST.getTypeFromAST(schema, definition.getType());
        if (!(type instanceof GraphQLInputType inputType)) {
            return null;
        }
        return find(inputType, variables.get(variable), argumentName(parsed, variable));
    }

    /** The argument (or input field) the variable is passed as; the variable's own name otherwise. */
    static String argumentName(Node<?> node, String variable) {
        if (node instanceof Argument argument
                && argument.getValue() instanceof VariableReference reference
                && reference.getName().equals(variable)) {
            return argument.getName();
        }
        if (node instanceof ObjectField field
                && field.getValue() instanceof VariableReference reference
                && reference.getName().equals(variable)) {
            return field.getName();
        }
        for (Node<?> child : node.getChildren()) {
            if (child instanceof VariableDefinition) {
                continue;
            }
            String name = argumentName(child, variable);
            if (name != null && !name.equals(variable)) {
                return name;
            }
        }
        return node instanceof Document ? variable : null;
    }

    private static Fault find(GraphQLInputType type, Object value, String path) {
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                return new Fault(path, "is required", "REQUIRED");
            }
            return find((GraphQLInputType) nonNull.getWrappedType(), value, path);
        }
        if (value == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            GraphQLInputType item = (GraphQLInputType) list.getWrappedType();
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    Fault fault = find(item, items.get(i), path + "[" + i + "]");
                    if (fault != null) {
                        return fault;
                    }
                }
                return null;
            }
            return find(item, value, path);
        }
        if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> fields)) {
                return new Fault(path, "must be an object (" + object.getName() + ")");
            }
            for (Object key : fields.keySet()) {
                if (object.getField(String.valueOf(key)) == null) {
                    return new Fault(path + "." + key, "is not a field of " + object.getName());
                }
            }
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (!fields.containsKey(field.getName()) && field.hasSetDefaultValue()) {
                    continue;
                }
                Fault fault = find(field.getType(), fields.get(field.getName()), path + "." + field.getName());
                if (fault != null) {
                    return fault;
                }
            }
            return null;
        }
        if (type instanceof GraphQLEnumType enumType) {
            boolean known = value instanceof String name && enumType.getValue(name) != null;
            return known
                    ? null
                    : new Fault(
                            path,
                            "must be one of "
                                    + enumType.getValues().stream()
                                            .map(GraphQLEnumValueDefinition::getName)
                                            .collect(Collectors.joining(", ")));
        }
        if (type instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ENGLISH);
                return null;
            } catch (RuntimeException refused) {
                // A scalar of ours may say more precisely what is wrong (DATE_OUT_OF_RANGE).
                Object code = refused instanceof GraphQLError error && error.getExtensions() != null
                        ? error.getExtensions().get("code")
                        : null;
                return new Fault(path, problem(scalar, refused), code instanceof String c ? c : "INVALID_VALUE");
            }
        }
        return null;
    }

    /** Our own scalars say what they need ("must be a date like 2025-06-01"); the built-in ones do not. */
    private static String problem(GraphQLScalarType scalar, RuntimeException refused) {
        String message = refused.getMessage();
        if (message != null && message.startsWith("must ")) {
            return message;
        }
        return switch (scalar.getName()) {
            case "Int" -> "must be a whole number";
            case "Float" -> "must be a number";
            case "String" -> "must be text";
            case "ID" -> "must be an id (text)";
            case "Boolean" -> "must be true or false";
            case "DateTime" -> "must be a date and time like 2025-06-01T14:30:00Z";
            default -> "must be a valid " + scalar.getName();
        };
    }
}
