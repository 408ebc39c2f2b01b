package io.github.querylint.cli;

import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.schema.SizesSnapshot;
import io.github.querylint.core.schema.TableSizes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code querylint sizes --jdbc-url URL [--user U]}: writes {@code querylint-sizes.yml} from the
 * database's catalog statistics, in a read-only transaction that is rolled back. The password
 * comes from {@code QUERYLINT_DB_PASSWORD} only, never from the command line, and is never printed.
 */
@Command(name = "sizes", mixinStandardHelpOptions = true,
        description = {"Write querylint-sizes.yml from a database's catalog statistics (PostgreSQL, MySQL, MariaDB, H2).",
                "Reads no table data. The password comes from the environment variable " + SizesCommand.PASSWORD_ENV + "."})
final class SizesCommand implements Callable<Integer> {

    static final String PASSWORD_ENV = "QUERYLINT_DB_PASSWORD";

    /** The environment, replaceable in tests. */
    static UnaryOperator<String> env = System::getenv;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "The database, e.g. jdbc:postgresql://db.example:5432/shop (no password in it).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "The database user (read access to the catalog is enough).")
    String user;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write (default: ./" + TableSizes.FILE_NAME + ").")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || lower.matches("jdbc:[a-z0-9]+://[^/@]*:[^/@]*@.*")) {
            throw new Failures.UsageException("the JDBC URL holds a password; remove it and set " + PASSWORD_ENV
                    + " instead (a command line ends up in shell histories and process lists)");
        }
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        String password = env.apply(PASSWORD_ENV);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        DriverManager.setLoginTimeout(30);
        SizesSnapshot.Result result;
        try (Connection connection = DriverManager.getConnection(url, props)) {
            result = SizesSnapshot.take(connection);
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            if (password != null && !password.isEmpty()) {
                message = message.replace(password, "***");
            }
            spec.commandLine().getErr().println("querylint: cannot read table sizes: " + message);
            return Main.ERROR;
        }
        Path file = output != null ? output : Path.of(TableSizes.FILE_NAME);
        List<String> header = new ArrayList<>(result.header());
        header.add("Taken on " + LocalDate.now(ZoneOffset.UTC) + " (UTC).");
        AtomicFiles.write(file, result.sizes().toYaml(header));
        var err = spec.commandLine().getErr();
        err.println("QueryLint: wrote the sizes of " + result.sizes().tables().size() + " tables to " + file);
        if (!result.unanalyzed().isEmpty()) {
            List<String> names = result.unanalyzed();
            err.println("QueryLint: " + names.size() + " tables have no statistics yet and were left out (run ANALYZE): "
                    + String.join(", ", names.subList(0, Math.min(10, names.size()))) + (names.size() > 10 ? ", ..." : ""));
        }
        return Main.OK;
    }
}
