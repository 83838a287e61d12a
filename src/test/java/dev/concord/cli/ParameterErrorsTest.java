package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.testing.InLanguage;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The rare command-line mistakes picocli words only in English are said in the person's language too. */
@InLanguage("de")
class ParameterErrorsTest {
    private final CommandSpec spec = CommandSpec.create().addOption(OptionSpec.builder("--server").arity("1").build());
    private final CommandLine line = new CommandLine(spec);

    @Test
    void aMistakeAboutAnOptionNamesTheOptionInTheLanguageAndNotPicocliEnglish() {
        OptionSpec server = spec.findOption("--server");
        String said = ParameterErrors.describe(new CommandLine.ParameterException(line,
                "Expected parameter for option '--server' but found nothing useful", server, null));

        assertThat(said).isEqualTo("--server ist nicht so angegeben, wie dieser Befehl es erwartet. "
                + "--help zeigt, wie der Aufruf lautet.");
    }

    @Test
    void aMistakeAboutNoOptionInParticularPointsAtTheHelp() {
        String said = ParameterErrors.describe(new CommandLine.MaxValuesExceededException(line,
                "expected only one match but got [a] and [b]"));

        assertThat(said).isEqualTo("Der Aufruf wurde nicht verstanden. --help zeigt, wie er lautet.")
                .doesNotContain("expected");
    }
}
