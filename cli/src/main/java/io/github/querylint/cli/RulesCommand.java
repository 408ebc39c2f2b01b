package io.github.querylint.cli;

import io.github.querylint.core.report.ReportContext;
import io.github.querylint.core.rule.RuleDescriptor;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code querylint rules}: the rules with their default severities and docs links. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "List the rules and their documentation.")
final class RulesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (RuleDescriptor d : Runs.analyzer().descriptors()) {
            out.printf("%-20s %-8s %s%n%-29s %s%s.md%n", d.id(), d.severity().id(), d.summary(), "",
                    ReportContext.DOCS_BASE_URI, d.id());
        }
        out.flush();
        return Main.OK;
    }
}
