package io.github.querylint.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that runs out of heap ends, with a message naming the file, instead of hanging with a
 * pool of workers left behind: tried for real in a child JVM with {@code -Xmx32m}.
 */
class OutOfMemoryTest {

    @TempDir
    Path root;

    @Test
    @Timeout(120)
    void aTinyHeapEndsTheRunWithAMessageInsteadOfAHang() throws IOException, InterruptedException {
        Trees.healthy(root);
        Path big = root.resolve("src/main/java/gen/Huge.java");
        Files.createDirectories(big.getParent());
        byte[] line = "    // query generated padding line to make the file larger than the heap\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
            out.write("class Huge { String q = \"SELECT * FROM huge\"; }\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < 64L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx32m", "-XX:+UseSerialGC", "-cp", classpath,
                OomProbe.class.getName(), root.toString()))
                .redirectErrorStream(true).start();
        child.getOutputStream().close();
        boolean ended = child.waitFor(90, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            child.destroyForcibly();
        }
        assertThat(ended).as("the child JVM ended by itself; output: " + output).isTrue();
        assertThat(output).contains("querylint: out of memory: ran out of memory while analysing src/main/java/gen/Huge.java");
    }
}
