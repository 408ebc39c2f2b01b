package io.github.querylint.cli;

import io.github.querylint.core.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Turns failures into one line on stderr and exit code 2; the stack trace goes to a file unless --verbose. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    static boolean verbose;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof ConfigException || e instanceof UsageException) {
            err.println("querylint: " + e.getMessage());
            return Main.ERROR;
        }
        if (e instanceof IOException) {
            err.println("querylint: " + e.getMessage());
            return Main.ERROR;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        if (verbose) {
            err.println("querylint: internal error: " + e);
            err.print(trace);
            return Main.ERROR;
        }
        String where;
        try {
            Path file = Files.createTempFile("querylint-error-", ".txt");
            Files.writeString(file, trace.toString());
            where = "stack trace in " + file;
        } catch (IOException io) {
            where = "run with --verbose for the stack trace";
        }
        err.println("querylint: internal error: " + e + " (" + where + ")");
        return Main.ERROR;
    }

    /** A usage problem found after option parsing (a path that does not exist...). */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
