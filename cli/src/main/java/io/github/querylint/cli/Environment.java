package io.github.querylint.cli;

import java.util.Map;

/**
 * What the process was started in: environment variables and whether it talks to a terminal.
 * Tests pass their own, so colour and progress decisions are tested without a terminal.
 *
 * @param variables   the environment
 * @param interactive whether standard input and output are a terminal ({@code System.console() != null})
 */
record Environment(Map<String, String> variables, boolean interactive) {

    Environment {
        variables = Map.copyOf(variables);
    }

    static Environment current() {
        return new Environment(System.getenv(), System.console() != null);
    }

    /** ANSI colours: on a terminal, unless NO_COLOR is set to something (no-color.org) or TERM is dumb. */
    boolean colorAllowed() {
        String noColor = variables.get("NO_COLOR");
        return interactive && (noColor == null || noColor.isEmpty()) && !"dumb".equals(variables.get("TERM"));
    }

    /** A progress line on stderr: on a terminal, never in CI (CI logs keep every carriage return as a line). */
    boolean progressAllowed() {
        return interactive && !variables.containsKey("CI") && !"dumb".equals(variables.get("TERM"));
    }
}
