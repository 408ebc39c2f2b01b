package io.github.querylint.cli;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code querylint baseline}: accept today's findings so that only new ones fail. */
@Command(name = "baseline", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Write querylint-baseline.json with every current finding.")
final class BaselineCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "Directories or files to scan (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write (default: <root>/querylint-baseline.json).")
    Path output;

    @Option(names = "--config", paramLabel = "FILE", description = "Use this .querylint.yml.")
    Path config;

    @Option(names = "--sizes", paramLabel = "FILE",
            description = "Production table sizes (default: querylint-sizes.yml at the scanned root, when there is one).")
    Path sizes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Analyzer analyzer = Runs.analyzer();
        var request = Runs.request(analyzer, paths, config, null, 0, sizes);
        AnalysisResult result = analyzer.analyze(request);
        Path file = output != null ? output : request.root().resolve(Baseline.FILE_NAME);
        Baseline.of(result.findings()).write(file);
        spec.commandLine().getErr().println("QueryLint: wrote " + result.findings().size() + " findings to " + file);
        return Main.OK;
    }
}
