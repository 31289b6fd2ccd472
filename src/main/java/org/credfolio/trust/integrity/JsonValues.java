package org.credfolio.trust.integrity;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the plain maps and lists the rest of the service uses for JSON and the
 * Jakarta JSON values the JSON-LD processor reads. Key order is kept both ways.
 */
public final class JsonValues {
    /**
     * Looked up once: {@code jakarta.json.Json}'s static methods run a ServiceLoader lookup on every
     * call, which made converting one credential cost more than canonicalizing it.
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonValues() {}

    /** A JSON object for the JSON-LD processor. */
    public static JsonObject object(Map<String, ?> map) {
        return (JsonObject) value(map);
    }

    /** Plain maps, lists, strings, numbers, booleans and nulls, as the JSON parsers of the service give. */
    public static Map<String, Object> map(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, plain(value)));
        return map;
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder builder = JSON.createObjectBuilder();
            map.forEach((key, item) -> builder.add(String.valueOf(key), value(item)));
            return builder.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder builder = JSON.createArrayBuilder();
            list.forEach(item -> builder.add(value(item)));
            return builder.build();
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return JSON.createValue(big);
        }
        if (value instanceof BigDecimal decimal) {
            return JSON.createValue(decimal);
        }
        if (value instanceof Number number) {
            return JSON.createValue(number.doubleValue());
        }
        throw new IllegalArgumentException(
                "Not a JSON value: " + value.getClass().getSimpleName());
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> map(value.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(item -> list.add(plain(item)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() ? (Object) number.longValueExact() : number.doubleValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
