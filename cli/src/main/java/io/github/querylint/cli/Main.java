package io.github.querylint.cli;

import io.github.querylint.core.report.ReportContext;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar querylint.jar <command>}: exit 0 clean, 1 findings, 2 usage, configuration or
 * I/O error. Output is UTF-8 on every platform, so reports are the same bytes everywhere.
 */
@Command(name = "querylint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Static review of the SQL and JPQL/HQL queries in a Java code base.",
        subcommands = {CheckCommand.class, InventoryCommand.class, RulesCommand.class, BaselineCommand.class,
            SizesCommand.class},
        footer = {"", "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, "
                + "2 usage, configuration or I/O error."})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int ERROR = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an internal error instead of writing it to a file.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Environment environment;

    Main(Environment environment) {
        this.environment = environment;
    }

    Environment environment() {
        return environment;
    }

    public static void main(String[] args) {
        // the analysis runs in a JVM tuned for a short run when it can (see Launcher)
        java.util.Optional<Integer> launched = Launcher.command(args).flatMap(Launcher::run);
        System.exit(launched.orElseGet(() -> run(System.out, System.err, Environment.current(), args)));
    }

    /** Runs a command in this process with the process's streams and environment. */
    public static int run(String... args) {
        return run(System.out, System.err, Environment.current(), args);
    }

    static int run(OutputStream out, OutputStream err, Environment environment, String... args) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            CommandLine cli = new CommandLine(new Main(environment));
            Failures failures = new Failures();
            cli.setOut(outWriter);
            cli.setErr(errWriter);
            cli.setExecutionExceptionHandler(failures);
            cli.setParameterExceptionHandler(failures);
            cli.setExitCodeExceptionMapper(e -> ERROR);
            return cli.execute(args);
        } catch (Throwable e) {
            // Errors (out of memory, stack overflow) pass through picocli; they still end in one line and exit 2
            return Failures.report(e, errWriter, Arrays.asList(args).contains("--verbose"));
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
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
