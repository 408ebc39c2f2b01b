package io.github.querylint.cli;

import io.github.querylint.core.report.ReportContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar querylint.jar <command>}: exit 0 clean, 1 findings, 2 usage, configuration or I/O error. */
@Command(name = "querylint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Static review of the SQL and JPQL/HQL queries in a Java code base.",
        subcommands = {CheckCommand.class, InventoryCommand.class, RulesCommand.class, BaselineCommand.class,
            SizesCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new Failures());
        cli.setExitCodeExceptionMapper(e -> ERROR);
        cli.getCommandSpec().exitCodeOnInvalidInput(ERROR);
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(ERROR);
        }
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: check, inventory, rules, baseline or sizes");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"QueryLint " + ReportContext.version()};
        }
    }
}
