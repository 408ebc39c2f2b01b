package io.github.querylint.core.testing;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates reports against their JSON Schemas: SARIF against the shared copy of the OASIS schema
 * ({@code querylint.shared.dir}, set by the build; never copied into the project), QueryLint's
 * JSON against {@code docs/schemas/querylint-report.schema.json}.
 */
public final class JsonSchemas {

    private static Schema sarif;
    private static Schema report;

    private JsonSchemas() {
    }

    /** The problems of a SARIF log, empty when it is valid SARIF 2.1.0. */
    public static synchronized List<String> sarifProblems(String json) {
        if (sarif == null) {
            sarif = load(sharedDir().resolve("schemas/sarif-schema-2.1.0.json"), SpecificationVersion.DRAFT_4);
        }
        return problems(sarif, json);
    }

    /** The problems of a QueryLint JSON report, empty when it matches the documented schema. */
    public static synchronized List<String> reportProblems(String json) {
        if (report == null) {
            report = load(projectDir().resolve("docs/schemas/querylint-report.schema.json"),
                    SpecificationVersion.DRAFT_2020_12);
        }
        return problems(report, json);
    }

    /** The problems of a JSON document against a draft-07 schema file, empty when it is valid. */
    public static List<String> errors(Path schemaFile, String json) {
        return problems(load(schemaFile, SpecificationVersion.DRAFT_7), json);
    }

    public static Path sharedDir() {
        return directory("querylint.shared.dir", "the shared folder beside the checkout (../shared)");
    }

    public static Path projectDir() {
        return directory("querylint.project.dir", "the project's root folder");
    }

    private static Path directory(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || !Files.isDirectory(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name " + what
                    + " (Maven's surefire and failsafe set it); it is " + value);
        }
        return Path.of(value);
    }

    private static Schema load(Path file, SpecificationVersion version) {
        try {
            return SchemaRegistry.withDefaultDialect(version).getSchema(Files.readString(file), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> problems(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }
}
