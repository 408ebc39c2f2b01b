package io.github.querylint.maven;

import io.github.querylint.core.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads {@code configLocation}: a file (absolute or relative to the project), else a URL, else a
 * resource on the plugin's classpath, so that a shared configuration artifact added as a plugin
 * dependency serves every module.
 *
 * @param name what messages call it (absolute path, URL or {@code classpath:} name)
 * @param text the YAML text
 */
record ConfigSource(String name, String text) {

    private static final String CLASSPATH = "classpath:";

    static ConfigSource read(String location, Path basedir, ClassLoader classLoader) {
        String spec = location.strip();
        Path file = file(spec, basedir);
        if (file != null) {
            try {
                return new ConfigSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        URL url = url(spec);
        if (url != null) {
            return fetch(spec, url);
        }
        String resource = spec.startsWith(CLASSPATH) ? spec.substring(CLASSPATH.length()) : spec;
        resource = resource.startsWith("/") ? resource.substring(1) : resource;
        URL found = resource.isEmpty() ? null : classLoader.getResource(resource);
        if (found != null) {
            return fetch(CLASSPATH + resource, found);
        }
        throw new ConfigException("configLocation '" + location + "' is neither a file (looked for "
                + lookedFor(spec, basedir) + "), nor a URL, nor a resource on the plugin's classpath; fix the path,"
                + " or add the artifact that holds it as a dependency of querylint-maven-plugin");
    }

    private static String lookedFor(String spec, Path basedir) {
        try {
            return basedir.resolve(spec).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return spec;
        }
    }

    private static Path file(String spec, Path basedir) {
        try {
            Path path = basedir.resolve(spec).toAbsolutePath().normalize();
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null; // a URL on Windows, for example
        }
    }

    private static URL url(String spec) {
        try {
            URI uri = new URI(spec);
            // one letter is a Windows drive, not a scheme; classpath: is ours, not a URL
            if (uri.getScheme() == null || uri.getScheme().length() < 2 || spec.startsWith(CLASSPATH)) {
                return null;
            }
            return uri.toURL();
        } catch (URISyntaxException | IllegalArgumentException | java.net.MalformedURLException e) {
            return null;
        }
    }

    private static ConfigSource fetch(String name, URL url) {
        try (InputStream in = url.openStream()) {
            return new ConfigSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read (" + e + ")");
        }
    }
}
