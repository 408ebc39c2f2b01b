package io.github.querylint.core.extract;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import java.util.List;
import java.util.function.Supplier;

/**
 * How both passes parse Java: Java 21 syntax, no comment attribution, and no language-level
 * validation. The validators walk every tree a second time to report what javac would reject;
 * that was a third of each parse (a sixth of a whole cold scan), and a linter reads code that
 * compiles: it does not judge it. Its post-processing does not run either: all it does is turn
 * a type written {@code var} into a {@code VarType} in a second walk of the tree, and extraction
 * reads a type by its name, which is {@code var} both ways. Nor is the original line separator
 * detected: locations count lines, whatever ends them.
 */
final class JavaParsers {

    /** The anonymous processor of ParserConfiguration that runs the language level's post-processor and validator. */
    static final String LANGUAGE_LEVEL_PROCESSOR = "com.github.javaparser.ParserConfiguration$2";

    private JavaParsers() {
    }

    static JavaParser newParser() {
        return new JavaParser(configuration());
    }

    static ParserConfiguration configuration() {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setAttributeComments(false)
                .setDetectOriginalLineSeparator(false);
        List<Supplier<Processor>> processors = configuration.getProcessors();
        for (int i = 0; i < processors.size(); i++) {
            if (processors.get(i).get().getClass().getName().equals(LANGUAGE_LEVEL_PROCESSOR)) {
                processors.set(i, NoProcessing::new);
            }
        }
        return configuration;
    }

    /** Neither the language level's validation nor its post-processing (see the class comment). */
    static final class NoProcessing extends Processor {
    }
}
