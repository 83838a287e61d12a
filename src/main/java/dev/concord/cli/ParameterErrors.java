package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

import java.util.List;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli could not parse, in the agent's words. Picocli's own messages are English, so the
 * kinds of mistake people make (an unknown option or verb, something missing, an option twice, a value of
 * the wrong type) are worded here from what the exception says about the arguments, and picocli's English
 * never reaches the person.
 */
public final class ParameterErrors {
    private ParameterErrors() {
    }

    public static String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> args = unmatched.getUnmatched();
            String first = args.isEmpty() ? "" : args.get(0);
            String text = first.startsWith("-") ? lang("cli.args.unknownOption", first)
                    : lang("cli.args.unexpected", first);
            List<String> suggestions = unmatched.getSuggestions();
            return suggestions.isEmpty() ? text
                    : text + " " + lang("cli.args.didYouMean", String.join(lang("list.separator"), suggestions));
        }
        if (ex instanceof MissingParameterException missing) {
            List<String> names = missing.getMissing().stream().map(ParameterErrors::name).toList();
            return lang("cli.args.missing", String.join(lang("list.separator"), names));
        }
        if (ex instanceof OverwrittenOptionException twice) {
            return lang("cli.args.twice", name(twice.getOverwritten()));
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null && ex.getValue() != null) {
            return lang("cli.args.badValue", ex.getValue(), name(arg));
        }
        // A rarer mistake (too many values, options that exclude each other) that picocli words only in English:
        // named by the option it is about where picocli says which, and pointed at the help either way.
        return arg != null ? lang("cli.args.notUnderstoodAt", name(arg)) : lang("cli.args.notUnderstood");
    }

    /** An option by its longest name ("--server"), a parameter by its label ("KIND/ID"). */
    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return arg instanceof PositionalParamSpec p ? p.paramLabel() : String.valueOf(arg);
    }
}
