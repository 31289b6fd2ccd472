package org.credfolio.shared.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The DateTime scalar of graphql-java-extended-scalars, also serializing {@link Instant}, which is
 * what documents store (it refuses Instant on its own). Instants are written in UTC.
 */
final class DateTimeScalar {
    private DateTimeScalar() {}

    static GraphQLScalarType create() {
        @SuppressWarnings("unchecked")
        Coercing<Object, Object> base = (Coercing<Object, Object>) ExtendedScalars.DateTime.getCoercing();
        return ExtendedScalars.DateTime.transform(builder -> builder.coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) {
                return base.serialize(utc(value), context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return base.parseValue(input, context, locale);
            }

            @Override
            public Object parseLiteral(
                    Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                return base.parseLiteral(input, variables, context, locale);
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return base.valueToLiteral(utc(input), context, locale);
            }
        }));
    }

    private static Object utc(Object value) {
        return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
    }
}
