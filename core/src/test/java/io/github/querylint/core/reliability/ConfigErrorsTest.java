package io.github.querylint.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.config.ConfigLoader;
import io.github.querylint.core.config.QueryLintConfig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every configuration mistake stops the run with the file, the line and the key; none falls back to a default. */
class ConfigErrorsTest {

    private final ConfigLoader loader = new ConfigLoader(List.of(new StarProbe().descriptor()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad YAML                | dialect: ansi\\nrules: [star-probe\\n                   | .querylint.yml:3: | not valid YAML
            tab indentation         | rules:\\n\\tstar-probe: off\\n                     | .querylint.yml:2: | not valid YAML
            unknown key             | dialect: ansi\\nmaxFileByte: 10\\n                  | .querylint.yml:2: | maxFileByte: unknown key
            unknown rule            | rules:\\n  select-stars: off\\n                    | .querylint.yml:2: | rules.select-stars: unknown rule
            unknown rule option     | rules:\\n  star-probe:\\n    depth: 3\\n          | .querylint.yml:3: | rules.star-probe.depth: unknown option of star-probe
            number as text          | dialect: ansi\\nmaxFileBytes: big\\n                | .querylint.yml:2: | maxFileBytes must be a positive whole number
            negative deadline       | deadlineSeconds: -5\\n                            | .querylint.yml:1: | deadlineSeconds must be a positive whole number
            timeout as a list       | parseTimeoutMillis: [1, 2]\\n                     | .querylint.yml:1: | parseTimeoutMillis must be a positive whole number
            enabled as text         | rules:\\n  star-probe:\\n    enabled: yes please\\n | .querylint.yml:3: | enabled must be true or false
            bad severity            | rules:\\n  star-probe:\\n    severity: fatal\\n     | .querylint.yml:3: | severity
            unknown dialect         | dialect: cobol\\n                                 | .querylint.yml:1: | dialect
            rules as a list         | rules:\\n  - star-probe\\n                        | .querylint.yml:1: | rules must map rule ids to settings
            top level not a mapping | - a\\n- b\\n                                      | .querylint.yml  | the top level must be a mapping
            """)
    void aMistakeNamesFileLineAndKey(String name, String yaml, String where, String what) {
        String text = yaml.replace("\\n", "\n").replace("\\t", "\t");
        assertThatThrownBy(() -> loader.parse(".querylint.yml", text))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(where.strip())
                .hasMessageContaining(what.strip())
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
    }

    @Test
    void theDeadlineIsReadFromTheFile() {
        QueryLintConfig config = loader.parse(".querylint.yml", "deadlineSeconds: 90\nmaxFileBytes: 1000\n");
        assertThat(config.deadlineSeconds()).isEqualTo(90);
        assertThat(config.maxFileBytes()).isEqualTo(1000);
        assertThat(loader.parse(".querylint.yml", "dialect: ansi\n").deadlineSeconds()).isZero();
    }
}
