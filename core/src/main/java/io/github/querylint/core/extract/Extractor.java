package io.github.querylint.core.extract;

import io.github.querylint.core.source.SourceFile;

/** Finds the queries in one kind of file. Implementations are stateless and thread-safe. */
public interface Extractor {

    boolean accepts(SourceFile file);

    /**
     * @param text the file's text, already decoded
     * @param out  receives the queries found and the notices for what could not be read
     */
    void extract(SourceFile file, String text, ExtractionSink out);
}
