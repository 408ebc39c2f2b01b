package io.github.querylint.core.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Validates reports against JSON Schemas: the shared SARIF 2.1.0 schema and the project's own. */
public final class JsonSchemas {

    private JsonSchemas() {
    }

    /** The shared material beside the checkout (../shared), as surefire passes it. */
    public static Path sharedDir() {
        String configured = System.getProperty("querylint.shared.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        return dir.toAbsolutePath().normalize();
    }

    public static Path sarifSchema() {
        Path schema = sharedDir().resolve("schemas/sarif-schema-2.1.0.json");
        if (!Files.isRegularFile(schema)) {
            throw new IllegalStateException("SARIF schema not found at " + schema + "; the shared/ folder must sit beside the checkout");
        }
        return schema;
    }

    /** Validation errors of a JSON document against a draft-07 schema file; empty when valid. */
    public static List<String> errors(Path schemaFile, String json) {
        try {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(Files.readString(schemaFile), InputFormat.JSON);
            return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> sarifErrors(String sarif) {
        return errors(sarifSchema(), sarif);
    }
}
