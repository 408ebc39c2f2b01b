package io.github.querylint.core.extract;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import java.util.List;
import java.util.function.Supplier;

/**
 * How both passes parse Java: Java 21 syntax, no comment attribution, and no language-level
 * validation. The validators walk every tree a second time to report what javac would reject;
 * that was a third of each parse (a sixth of a whole cold scan), and a linter reads code that
 * compiles: it does not judge it. The Java 21 post-processing ({@code var}) still runs.
 */
final class JavaParsers {

    /** The anonymous processor of ParserConfiguration that runs the language level's post-processor and validator. */
    static final String LANGUAGE_LEVEL_PROCESSOR = "com.github.javaparser.ParserConfiguration$2";

    private static final PostProcessors POST_PROCESSOR = new Java21PostProcessor();

    private JavaParsers() {
    }

    static JavaParser newParser() {
        return new JavaParser(configuration());
    }

    static ParserConfiguration configuration() {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setAttributeComments(false);
        List<Supplier<Processor>> processors = configuration.getProcessors();
        for (int i = 0; i < processors.size(); i++) {
            if (processors.get(i).get().getClass().getName().equals(LANGUAGE_LEVEL_PROCESSOR)) {
                processors.set(i, PostProcessOnly::new);
            }
        }
        return configuration;
    }

    /** The language level's post-processing without its validation. */
    static final class PostProcessOnly extends Processor {
        @Override
        public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
            POST_PROCESSOR.postProcess(result, configuration);
        }
    }
}
