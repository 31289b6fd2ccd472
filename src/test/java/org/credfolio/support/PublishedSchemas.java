package org.credfolio.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** The 1EdTech JSON Schemas bundled in {@code src/test/resources/published/schemas}, draft 2019-09, formats asserted. */
public final class PublishedSchemas {
    private static final Path SCHEMAS = Path.of("src/test/resources/published/schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMA_REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2019_09,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private PublishedSchemas() {}

    public static Schema schema(String file) {
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve(file))) {
            return SCHEMA_REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema's errors for this document. */
    public static List<com.networknt.schema.Error> errors(Schema schema, Map<String, Object> document) {
        return schema.validate(JSON.valueToTree(document));
    }

    public static void assertValid(Schema schema, String what, Map<String, Object> document) {
        List<com.networknt.schema.Error> errors = errors(schema, document);
        assertThat(errors)
                .as(
                        "%s against %s:%n%s",
                        what,
                        schema.getSchemaLocation(),
                        String.join("\n", errors.stream().map(Object::toString).toList()))
                .isEmpty();
    }
}
