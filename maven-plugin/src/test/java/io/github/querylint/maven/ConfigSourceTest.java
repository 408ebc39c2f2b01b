package io.github.querylint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.config.ConfigException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {

    @TempDir
    Path dir;

    private Path project;
    private ClassLoader classpath;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(dir.resolve("project"));
        Path jarRoot = Files.createDirectories(dir.resolve("shared-config/querylint"));
        Files.writeString(jarRoot.resolve("team.yml"), "dialect: postgres\n");
        classpath = new URLClassLoader(new URL[] {dir.resolve("shared-config").toUri().toURL()}, null);
    }

    @Test
    void findsARelativeFileBeforeAClasspathResourceOfTheSameName() throws IOException {
        Files.createDirectories(project.resolve("querylint"));
        Files.writeString(project.resolve("querylint/team.yml"), "dialect: mysql\n");
        ConfigSource source = ConfigSource.read("querylint/team.yml", project, classpath);
        assertThat(source.name()).isEqualTo(project.resolve("querylint/team.yml").toString());
        assertThat(source.text()).isEqualTo("dialect: mysql\n");
    }

    @Test
    void readsAnAbsoluteFile() throws IOException {
        Path file = Files.writeString(dir.resolve("elsewhere.yml"), "rules: {}\n");
        assertThat(ConfigSource.read(file.toString(), project, classpath).text()).isEqualTo("rules: {}\n");
    }

    @Test
    void readsAUrl() throws IOException {
        Path file = Files.writeString(dir.resolve("by-url.yml"), "excludes: []\n");
        ConfigSource source = ConfigSource.read(file.toUri().toString(), project, classpath);
        assertThat(source.name()).isEqualTo(file.toUri().toString());
        assertThat(source.text()).isEqualTo("excludes: []\n");
    }

    @Test
    void readsAResourceOfThePluginClasspath() {
        for (String spec : new String[] {"querylint/team.yml", "/querylint/team.yml", "classpath:querylint/team.yml"}) {
            ConfigSource source = ConfigSource.read(spec, project, classpath);
            assertThat(source.name()).isEqualTo("classpath:querylint/team.yml");
            assertThat(source.text()).isEqualTo("dialect: postgres\n");
        }
    }

    @Test
    void nothingMatchingIsAClearError() {
        assertThatThrownBy(() -> ConfigSource.read("querylint/missing.yml", project, classpath))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configLocation 'querylint/missing.yml' is neither a file (looked for "
                        + project.resolve("querylint/missing.yml") + "), nor a URL, nor a resource on the plugin's"
                        + " classpath; fix the path, or add the artifact that holds it as a dependency of"
                        + " querylint-maven-plugin");
    }

    @Test
    void anUnreadableUrlSaysWhich() {
        String url = dir.resolve("gone.yml").toUri().toString();
        assertThatThrownBy(() -> ConfigSource.read(url, project, classpath))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(url + ": cannot be read (");
    }
}
