package io.github.querylint.maven;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Has Maven's JVM compile QueryLint's code and its parsers with C1 only, the JVM's quick compiler.
 * In a {@code mvn verify} both cores are already busy (javac, and C2 compiling javac), so every
 * CPU-second the check adds costs wall time. Most of what the analysis adds is JIT work: C2
 * compiling the generated parsers' large methods, in a JVM that runs them for seconds and then
 * exits. C1 code runs them about as fast for that long, at a fraction of the compile cost: on the
 * 50-module reactor of docs/performance.md the JIT time the check adds fell from 5.6 s to 2.4 s.
 *
 * <p>Done with a compiler directive added at run time (what {@code jcmd <pid> Compiler.directives_add}
 * does), matching only the packages below: javac, Maven and every other plugin keep C2. Nothing is
 * added when the JVM has no such command (not HotSpot), when tiered compilation is off (C2 is then
 * the only compiler, and excluding it would leave the code interpreted), or when the JVM already
 * holds directives besides its default (the user's own, or this one from an earlier build in a
 * long-lived JVM such as the Maven daemon's). Only speed is at stake: no result depends on it.
 */
final class QuickJit {

    /** Class-name prefixes of QueryLint's code and of the parsers it loads. */
    static final List<String> PACKAGES = List.of("io/github/querylint/", "com/github/javaparser/",
            "net/sf/jsqlparser/", "org/hibernate/grammars/", "org/antlr/v4/runtime/");

    private static final String[] STRINGS = {String[].class.getName()};

    private static final AtomicBoolean TRIED = new AtomicBoolean();

    private QuickJit() {
    }

    /** The directive, in the JSON form HotSpot reads. */
    static String directive() {
        return "[{ match: [" + PACKAGES.stream().map(p -> "\"" + p + "*.*\"").collect(Collectors.joining(", "))
                + "], c2: { Exclude: true } }]";
    }

    /**
     * Whether to add the directive, given what {@code Compiler.directives_print} shows and whether tiered
     * compilation is on: only to a JVM that holds nothing but its default directive.
     */
    static boolean worthAdding(String printed, boolean tiered) {
        return tiered && printed.split("Directive:", -1).length - 1 == 1 && printed.contains("(default)");
    }

    /**
     * Adds the directive once per plugin class loader; returns what happened, for a debug line. Never
     * throws: the build goes on with the JVM's defaults.
     */
    static String applyOnce() {
        if (!TRIED.compareAndSet(false, true)) {
            return "already decided";
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
            String printed = String.valueOf(server.invoke(commands, "compilerDirectivesPrint",
                    new Object[] {new String[0]}, STRINGS));
            boolean tiered = !"false".equals(ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("TieredCompilation").getValue());
            if (!worthAdding(printed, tiered)) {
                return tiered ? "the JVM holds compiler directives already: left as it is"
                        : "tiered compilation is off: left as it is";
            }
            Path file = Files.createTempFile("querylint-jit", ".json");
            try {
                Files.writeString(file, directive(), StandardCharsets.UTF_8);
                return String.valueOf(server.invoke(commands, "compilerDirectivesAdd",
                        new Object[] {new String[] {file.toString()}}, STRINGS)).strip();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (JMException | IOException | RuntimeException | LinkageError e) {
            return "not available in this JVM (" + e + ")";
        }
    }
}
