package io.github.querylint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the analysis in a JVM tuned for a run of seconds. A review reads a tree once and ends:
 * HotSpot's optimising compiler (C2) never earns back its compile time on such a run, and on a
 * two-core machine it takes a core from the analysis. Measured on a generated 1M-line tree, a
 * cold scan costs about half the CPU time with C1 alone ({@code -XX:TieredStopAtLevel=1}), while a
 * parse-everything tool, running ten times longer, is better off with C2. So
 * {@code java -jar querylint.jar} starts a second JVM with C1 alone, with the same JVM options
 * (heap size, system properties), arguments, standard streams and working directory, and exits
 * with its exit code.
 *
 * <p>It runs in this JVM instead when the user chose the compiler ({@code TieredStopAtLevel},
 * {@code -Xint}, {@code -XX:-TieredCompilation}), attached an agent, a debugger or a flight
 * recording (they would see only the launcher), on a JVM that is not HotSpot, when
 * {@code QUERYLINT_JVM_TUNING=off} is set, or when the second JVM cannot be started.
 */
final class Launcher {

    /** The JVM options the analysis runs with. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /** Set in the second JVM, so that it does not start a third. */
    static final String LAUNCHED = "querylint.launched";

    /** The environment variable that keeps the analysis in the JVM the user started. */
    static final String OPT_OUT = "QUERYLINT_JVM_TUNING";

    private static final List<String> USER_CHOICES = List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation",
            "-XX:+TieredCompilation", "-Xint", "-Xcomp", "-agentlib", "-agentpath", "-javaagent", "-Xdebug", "-Xrunjdwp",
            "-XX:StartFlightRecording", "-XX:FlightRecorderOptions", "-XX:CompilerDirectivesFile");

    private Launcher() {
    }

    /**
     * The command that runs the same main class in a tuned JVM, or empty when this JVM should run
     * the analysis itself.
     */
    static Optional<List<String>> command(List<String> jvmArguments, Map<String, String> environment,
                                          String vmName, String javaHome, String classPath, String mainClass,
                                          boolean launched, String[] args) {
        if (launched || "off".equalsIgnoreCase(environment.getOrDefault(OPT_OUT, "").trim())
                || vmName == null || !(vmName.contains("HotSpot") || vmName.contains("OpenJDK"))
                || javaHome == null || classPath == null || classPath.isEmpty()) {
            return Optional.empty();
        }
        for (String argument : jvmArguments) {
            for (String choice : USER_CHOICES) {
                if (argument.startsWith(choice)) {
                    return Optional.empty();
                }
            }
        }
        Path java = Path.of(javaHome, "bin", System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
                .startsWith("windows") ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmArguments);
        command.add("-D" + LAUNCHED + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /** The command for this JVM, or empty (see {@link #command}). */
    static Optional<List<String>> command(String[] args) {
        List<String> jvmArguments;
        try {
            jvmArguments = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        return command(jvmArguments, System.getenv(), System.getProperty("java.vm.name"),
                System.getProperty("java.home"), System.getProperty("java.class.path"), Main.class.getName(),
                System.getProperty(LAUNCHED) != null, args);
    }

    /**
     * Runs the command with this process's standard streams; its exit code, or empty when it could
     * not be started. The second JVM ends with this one (a CI job's timeout stops both).
     */
    static Optional<Integer> run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Thread stop = new Thread(process::destroy, "querylint-launcher");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return Optional.of(process.waitFor());
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            return Optional.of(Main.ERROR);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // already shutting down: the hook stops the second JVM
            }
        }
    }
}
