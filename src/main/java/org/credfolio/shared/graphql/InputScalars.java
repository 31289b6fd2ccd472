package org.credfolio.shared.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The Date and BigDecimal scalars, refusing input in words a client can act on: the messages begin
 * with "must", and the error handling puts the field in front ("input.earnedOn must be a date like
 * 2025-06-01"). Output is written exactly as the extended scalars write it.
 */
final class InputScalars {
    /** No date input may lie outside these, whatever the field; fields narrow it further. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    /** Integer digits a number input may have: US dollars, credits, scores all fit with room to spare. */
    static final int MAX_INTEGER_DIGITS = 15;

    /** Digits after the point a number input may have. */
    static final int MAX_FRACTION_DIGITS = 10;

    private static final String DATE_FORMAT = "must be a date like 2025-06-01";
    private static final String NUMBER_FORMAT = "must be a number like 12.5";

    private InputScalars() {}

    static GraphQLScalarType date() {
        @SuppressWarnings("unchecked")
        Coercing<Object, Object> base = (Coercing<Object, Object>) ExtendedScalars.Date.getCoercing();
        return ExtendedScalars.Date.transform(builder -> builder.coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) {
                return base.serialize(value, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof LocalDate date) {
                    return bounded(date, false);
                }
                if (!(input instanceof String text)) {
                    throw new CoercingParseValueException(DATE_FORMAT);
                }
                return bounded(parseDate(text, CoercingParseValueException::new), false);
            }

            @Override
            public Object parseLiteral(
                    Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (!(input instanceof StringValue text)) {
                    throw new CoercingParseLiteralException(DATE_FORMAT);
                }
                return bounded(parseDate(text.getValue(), CoercingParseLiteralException::new), true);
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return base.valueToLiteral(input, context, locale);
            }
        }));
    }

    static GraphQLScalarType decimal() {
        @SuppressWarnings("unchecked")
        Coercing<Object, Object> base = (Coercing<Object, Object>) ExtendedScalars.GraphQLBigDecimal.getCoercing();
        return ExtendedScalars.GraphQLBigDecimal.transform(builder -> builder.coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) {
                return base.serialize(value, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                Object parsed;
                try {
                    parsed = base.parseValue(input, context, locale);
                } catch (RuntimeException e) {
                    throw new CoercingParseValueException(NUMBER_FORMAT);
                }
                return bounded((BigDecimal) parsed, CoercingParseValueException::new);
            }

            @Override
            public Object parseLiteral(
                    Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (!(input instanceof IntValue || input instanceof FloatValue || input instanceof StringValue)) {
                    throw new CoercingParseLiteralException(NUMBER_FORMAT);
                }
                Object parsed;
                try {
                    parsed = base.parseLiteral(input, variables, context, locale);
                } catch (RuntimeException e) {
                    throw new CoercingParseLiteralException(NUMBER_FORMAT);
                }
                return bounded((BigDecimal) parsed, CoercingParseLiteralException::new);
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return base.valueToLiteral(input, context, locale);
            }
        }));
    }

    private static LocalDate parseDate(String text, java.util.function.Function<String, RuntimeException> refusal) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw refusal.apply(DATE_FORMAT);
        }
    }

    private static LocalDate bounded(LocalDate date, boolean literal) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            String message = "must be a date between " + EARLIEST_DATE + " and " + LATEST_DATE;
            Map<String, Object> code = Map.of("code", "DATE_OUT_OF_RANGE");
            throw literal
                    ? CoercingParseLiteralException.newCoercingParseLiteralException()
                            .message(message)
                            .extensions(code)
                            .build()
                    : CoercingParseValueException.newCoercingParseValueException()
                            .message(message)
                            .extensions(code)
                            .build();
        }
        return date;
    }

    /**
     * 1E-999999999 is a valid BigDecimal, but no store holds it (MongoDB's Decimal128 has 34 digits
     * and a bounded exponent) and arithmetic on it is slow: refuse it here, as input.
     */
    private static BigDecimal bounded(
            BigDecimal number, java.util.function.Function<String, RuntimeException> refusal) {
        BigDecimal plain = number.stripTrailingZeros();
        long integerDigits = (long) plain.precision() - plain.scale();
        if (plain.scale() > MAX_FRACTION_DIGITS || integerDigits > MAX_INTEGER_DIGITS) {
            throw refusal.apply("must be a number of at most " + MAX_INTEGER_DIGITS + " digits before the point and "
                    + MAX_FRACTION_DIGITS + " after it");
        }
        return number;
    }
}
