package io.github.querylint.cli;

import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.diff.DiffException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and exit code 2. A user's mistake (configuration, path,
 * git revision, I/O) says what to fix; an internal error says where its stack trace went (a
 * temporary file), or prints it with {@code --verbose}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        return report(e, cli.getErr(), verbose(parsed));
    }

    /** Bad options: the message and where the help is, on one line. */
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("querylint: " + e.getMessage() + " (see '" + cli.getCommandSpec().qualifiedName()
                + " --help')");
        cli.getErr().flush();
        return Main.ERROR;
    }

    static int report(Throwable e, PrintWriter err, boolean verbose) {
        if (e instanceof ConfigException || e instanceof UsageException || e instanceof DiffException) {
            err.println("querylint: " + e.getMessage());
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("querylint: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } else if (e instanceof OutOfMemoryError) {
            err.println("querylint: out of memory (" + e.getMessage() + "); give the JVM more heap, for example "
                    + "java -Xmx2g -jar querylint.jar, or scan fewer files at once");
        } else {
            internal(e, err, verbose);
        }
        err.flush();
        return Main.ERROR;
    }

    private static void internal(Throwable e, PrintWriter err, boolean verbose) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        if (verbose) {
            err.println("querylint: internal error: " + e);
            err.print(trace);
            return;
        }
        String where;
        try {
            Path file = Files.createTempFile("querylint-error-", ".txt");
            Files.writeString(file, trace.toString());
            where = "stack trace in " + file + "; please report it";
        } catch (IOException | RuntimeException io) {
            where = "run again with --verbose for the stack trace";
        }
        err.println("querylint: internal error: " + e + " (" + where + ")");
    }

    static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** A usage problem found after option parsing (a path that does not exist...). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
