package io.github.querylint.core.schema;

import io.github.querylint.core.extract.ExtractionSink;
import io.github.querylint.core.extract.JavaSourceExtractor;
import io.github.querylint.core.parse.QueryParser;
import io.github.querylint.core.parse.SqlDialect;
import io.github.querylint.core.source.SourceFile;
import io.github.querylint.core.source.SourceKind;
import io.github.querylint.core.source.SourceSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A small tree of migration, changelog and entity files, loaded the way the Analyzer loads them. */
final class SchemaFixture {

    private final Path root;
    private final Map<String, String> files = new TreeMap<>();
    private SqlDialect dialect = SqlDialect.ANSI;

    SchemaFixture(Path root) {
        this.root = root;
    }

    SchemaFixture file(String path, String text) {
        files.put(path, text);
        return this;
    }

    SchemaFixture dialect(SqlDialect value) {
        dialect = value;
        return this;
    }

    SchemaLoader.Result load() {
        try {
            for (var e : files.entrySet()) {
                Path file = root.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SourceFile> all = SourceSet.of(root, List.of(root), List.of(), List.of()).files(p -> {
            throw new IllegalStateException(p);
        });
        List<EntityReader.MappedClass> mapped = new ArrayList<>();
        for (SourceFile f : all) {
            if (f.kind() == SourceKind.JAVA) {
                JavaSourceExtractor.parse(f, read(f), new ExtractionSink()).ifPresent(u -> mapped.addAll(EntityReader.read(u)));
            }
        }
        try (QueryParser parser = new QueryParser(3_000, QueryParser.DEFAULT_MAX_QUERY_CHARS)) {
            return SchemaLoader.load(all.stream().filter(SchemaLoader::candidate).toList(), SchemaFixture::read, parser,
                    p -> dialect, mapped);
        }
    }

    SchemaModel schema() {
        return load().schema();
    }

    private static String read(SourceFile f) {
        try {
            return Files.readString(f.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
