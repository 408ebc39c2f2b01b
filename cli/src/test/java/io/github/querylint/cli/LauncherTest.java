package io.github.querylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

    private static final String HOTSPOT = "OpenJDK 64-Bit Server VM";
    private static final String HOME = System.getProperty("java.home");
    private static final String[] ARGS = {"check", "src", "--format", "sarif"};

    private static java.util.Optional<List<String>> command(List<String> jvm, Map<String, String> env, String vm,
                                                            boolean launched) {
        return Launcher.command(jvm, env, vm, HOME, "/x/querylint.jar", "io.github.querylint.cli.Main", launched, ARGS);
    }

    @Test
    void startsATunedJvmWithTheUsersOptionsAndArguments() {
        List<String> command = command(List.of("-Xmx2g", "-Dfile.encoding=UTF-8"), Map.of(), HOTSPOT, false).orElseThrow();
        assertThat(command.get(0)).endsWith("java").startsWith(HOME);
        assertThat(command.subList(1, command.size())).containsExactly("-XX:TieredStopAtLevel=1", "-Xmx2g",
                "-Dfile.encoding=UTF-8", "-Dquerylint.launched=true", "-cp", "/x/querylint.jar",
                "io.github.querylint.cli.Main", "check", "src", "--format", "sarif");
    }

    @Test
    void runsInThisJvmWhenTheUserChoseOrWatchesIt() {
        for (String option : List.of("-XX:TieredStopAtLevel=4", "-Xint", "-XX:-TieredCompilation",
                "-agentlib:jdwp=transport=dt_socket", "-javaagent:/a.jar", "-XX:StartFlightRecording=filename=a.jfr")) {
            assertThat(command(List.of("-Xmx1g", option), Map.of(), HOTSPOT, false)).as(option).isEmpty();
        }
        assertThat(command(List.of(), Map.of("QUERYLINT_JVM_TUNING", "off"), HOTSPOT, false)).isEmpty();
        assertThat(command(List.of(), Map.of(), "Eclipse OpenJ9 VM", false)).isEmpty();
        // the second JVM never starts a third
        assertThat(command(List.of(), Map.of(), HOTSPOT, true)).isEmpty();
        assertThat(command(List.of(), Map.of("QUERYLINT_JVM_TUNING", "on"), "Java HotSpot(TM) 64-Bit Server VM", false))
                .isPresent();
    }

    @Test
    void aCommandThatCannotStartLeavesTheRunToThisJvm() {
        assertThat(Launcher.run(List.of("/no/such/java", "-version"))).isEmpty();
    }
}
