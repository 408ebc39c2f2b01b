package io.github.querylint.maven;

import io.github.querylint.core.engine.AtomicFiles;
import io.github.querylint.core.schema.SizesSnapshot;
import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

/**
 * Writes {@code querylint-sizes.yml} from a database's catalog statistics (PostgreSQL, MySQL,
 * MariaDB, H2), in a read-only transaction that is rolled back: no table data is read. The
 * password comes from the {@code settings.xml} server named by {@code serverId}, or from the
 * environment variable {@code QUERYLINT_DB_PASSWORD}; never from the POM or the command line.
 */
@Mojo(name = "sizes", threadSafe = true, requiresProject = false)
public class SizesMojo extends AbstractMojo {

    /** The database, for example jdbc:postgresql://replica:5432/shop (without a password). */
    @Parameter(property = "querylint.jdbcUrl", required = true)
    private String jdbcUrl;

    /** The database user; read access to the catalog is enough. */
    @Parameter(property = "querylint.user")
    private String user;

    /** A server of settings.xml whose username and password to use. */
    @Parameter(property = "querylint.serverId")
    private String serverId;

    /** Where to write the sizes file. */
    @Parameter(property = "querylint.sizesFile", defaultValue = "${basedir}/querylint-sizes.yml")
    private File sizesFile;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Override
    public void execute() throws MojoExecutionException {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || lower.matches("jdbc:[a-z0-9]+://[^/@]*:[^/@]*@.*")) {
            throw new MojoExecutionException("QueryLint: the JDBC URL holds a password; remove it and use serverId or "
                    + "the QUERYLINT_DB_PASSWORD environment variable");
        }
        Properties props = new Properties();
        String password = System.getenv("QUERYLINT_DB_PASSWORD");
        String login = user;
        if (serverId != null && !serverId.isBlank()) {
            Server server = settings == null ? null : settings.getServer(serverId);
            if (server == null) {
                throw new MojoExecutionException("QueryLint: no server '" + serverId + "' in settings.xml");
            }
            login = login == null ? server.getUsername() : login;
            password = server.getPassword() != null ? server.getPassword() : password;
        }
        if (login != null && !login.isBlank()) {
            props.setProperty("user", login);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        SizesSnapshot.Result result;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, props)) {
            result = SizesSnapshot.take(connection);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            if (password != null && !password.isEmpty()) {
                message = message.replace(password, "***");
            }
            throw new MojoExecutionException("QueryLint: cannot read table sizes: " + message);
        }
        List<String> header = new ArrayList<>(result.header());
        header.add("Taken on " + LocalDate.now(ZoneOffset.UTC) + " (UTC).");
        try {
            AtomicFiles.write(sizesFile.toPath(), result.sizes().toYaml(header));
        } catch (IOException e) {
            throw new MojoExecutionException("QueryLint: cannot write " + sizesFile + ": " + e.getMessage(), e);
        }
        getLog().info("QueryLint: wrote the sizes of " + result.sizes().tables().size() + " tables to " + sizesFile);
    }
}
